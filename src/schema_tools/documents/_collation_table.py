"""Collation data measured from Node 20.20 (ICU 78.2, Unicode 17, `localeCompare`): generated, do not edit.

How it was measured (Node, `Intl.Collator("en", {sensitivity})`): the characters of Latin-1, Latin
Extended-A/B/C/D/Additional, IPA, phonetic extensions, Greek, Cyrillic, general punctuation, currency,
arrows, mathematical operators, geometric shapes and miscellaneous symbols that have no canonical
decomposition were sorted with `localeCompare`; a new primary group starts where `base` sensitivity
sees a difference, a new secondary sub-group where `accent` does, a new tertiary rank where the
default (variant) does. A sub-group after the first gets an extra secondary weight, placed among
"<group letter> + combining mark" strings. Combining marks were ranked by sorting "a" + mark at
`accent` sensitivity. Characters whose compatibility decomposition has several characters were kept
as expansions when `base` sensitivity finds them equal to it. Ignorable characters are those equal
to the empty string; marks with a primary weight those that make "a" + mark differ from "a" at
`base` sensitivity (all BMP code points were tried for both).
"""

from __future__ import annotations

# Characters in primary order; groups of primary-equal characters are separated by NUL, and
# within a group characters are listed in full (tertiary) order.
PRIMARY_GROUPS = (
    "\x09\x00\x0a\x00\x0b\x00\x0c\x00\x0d\x00\x85\x00\u2028\x00\u2029\x00 \xa0\u202f\x00\u203e\x00_"
    "\x00\u2017\x00-\x00\u2010\u2011\x00\u2012\x00\u2013\x00\u2014\x00\u2015\x00\u2053\x00,\x00;\x00"
    "\u204f\x00:\x00!\x00\xa1\x00?\x00\xbf\x00\u203d\x00.\u2024\x00\xb7\x00\u2055\x00\u2056\x00\u2058"
    "\x00\u2059\x00\u205a\x00\u205b\x00\u205c\x00\u205d\x00\u205e\x00'\u2018\u2019\u201a\u201b\x00"
    '\u2039\x00\u203a\x00"\u201c\u201d\u201e\u201f\x00\xab\x00\xbb\x00(\x00)\x00[\x00]\x00{\x00}\x00'
    "\u2045\x00\u2046\x00\u2016\x00\xa7\x00\xb6\x00\u204b\x00@\x00*\x00\u204e\x00\u2051\x00/\x00\\"
    "\x00&\x00\u204a\x00#\x00%\x00\u2030\x00\u2031\x00\u2020\x00\u2021\x00\u2022\x00\u2023\x00\u2027"
    "\x00\u2043\x00\u204c\x00\u204d\x00\u2032\x00\u2035\x00\u2038\x00\u203b\x00\u203f\x00\u2054\x00"
    "\u2040\x00\u2050\x00\u2041\x00\u2042\x00`\x00\xb4\u0384\x00\u02dc\x00^\x00\xaf\x00\u02d8\x00"
    "\u02d9\x00\xa8\x00\u02da\x00\u02dd\x00\xb8\x00\u02db\x00\u02b9\x00\u0375\x00\u02ba\x00\u02c2\x00"
    "\u02c3\x00\u02c4\x00\u02c5\x00\u02c6\x00\u02c7\x00\u02c8\x00\u02c9\x00\u02ca\x00\u02cb\x00\u02cc"
    "\x00\u02cd\x00\u02ce\x00\u02cf\x00\u02d2\x00\u02d3\x00\u02d4\x00\u02d5\x00\u02d6\x00\u02d7\x00"
    "\u02de\x00\u02df\x00\u02e5\x00\u02e6\x00\u02e7\x00\u02e8\x00\u02e9\x00\u02ea\x00\u02eb\x00\u02ec"
    "\x00\u02ed\x00\u02ef\x00\u02f0\x00\u02f1\x00\u02f2\x00\u02f3\x00\u02f4\x00\u02f5\x00\u02f6\x00"
    "\u02f7\x00\u02f8\x00\u02f9\x00\u02fa\x00\u02fb\x00\u02fc\x00\u02fd\x00\u02fe\x00\u02ff\x00\ua720"
    "\x00\ua721\x00\ua788\x00\ua789\x00\ua78a\x00\xb0\x00\u0482\x00\xa9\x00\xae\x00\u2190\x00\u2192"
    "\x00\u2191\x00\u2193\x00\u2194\x00\u2195\x00\u2196\x00\u2197\x00\u2198\x00\u2199\x00\u219c\x00"
    "\u219d\x00\u219e\x00\u219f\x00\u21a0\x00\u21a1\x00\u21a2\x00\u21a3\x00\u21a4\x00\u21a5\x00\u21a6"
    "\x00\u21a7\x00\u21a8\x00\u21a9\x00\u21aa\x00\u21ab\x00\u21ac\x00\u21ad\x00\u21af\x00\u21b0\x00"
    "\u21b1\x00\u21b2\x00\u21b3\x00\u21b4\x00\u21b5\x00\u21b6\x00\u21b7\x00\u21b8\x00\u21b9\x00\u21ba"
    "\x00\u21bb\x00\u21bc\x00\u21bd\x00\u21be\x00\u21bf\x00\u21c0\x00\u21c1\x00\u21c2\x00\u21c3\x00"
    "\u21c4\x00\u21c5\x00\u21c6\x00\u21c7\x00\u21c8\x00\u21c9\x00\u21ca\x00\u21cb\x00\u21cc\x00\u21d0"
    "\x00\u21d1\x00\u21d2\x00\u21d3\x00\u21d4\x00\u21d5\x00\u21d6\x00\u21d7\x00\u21d8\x00\u21d9\x00"
    "\u21da\x00\u21db\x00\u21dc\x00\u21dd\x00\u21de\x00\u21df\x00\u21e0\x00\u21e1\x00\u21e2\x00\u21e3"
    "\x00\u21e4\x00\u21e5\x00\u21e6\x00\u21e7\x00\u21e8\x00\u21e9\x00\u21ea\x00\u21eb\x00\u21ec\x00"
    "\u21ed\x00\u21ee\x00\u21ef\x00\u21f0\x00\u21f1\x00\u21f2\x00\u21f3\x00\u21f4\x00\u21f5\x00\u21f6"
    "\x00\u21f7\x00\u21f8\x00\u21f9\x00\u21fa\x00\u21fb\x00\u21fc\x00\u21fd\x00\u21fe\x00\u21ff\x00"
    "\u2200\x00\u2201\x00\u2202\x00\u2203\x00\u2205\x00\u2206\x00\u2207\x00\u2208\x00\u220a\x00\u220b"
    "\x00\u220d\x00\u03f6\x00\u220e\x00\u220f\x00\u2210\x00\u2211\x00+\x00\xb1\x00\xf7\x00\xd7\x00<"
    "\x00=\x00>\x00\xac\x00|\x00\xa6\x00~\x00\u2212\x00\u2052\x00\u2213\x00\u2214\x00\u2215\x00\u2044"
    "\x00\u2216\x00\u2217\x00\u2218\x00\u2219\x00\u221a\x00\u221b\x00\u221c\x00\u221d\x00\u221e\x00"
    "\u221f\x00\u2220\x00\u2221\x00\u2222\x00\u2223\x00\u2225\x00\u2227\x00\u2228\x00\u2229\x00\u222a"
    "\x00\u222b\x00\u222e\x00\u2231\x00\u2232\x00\u2233\x00\u2234\x00\u2235\x00\u2236\x00\u2237\x00"
    "\u2238\x00\u2239\x00\u223a\x00\u223b\x00\u223c\x00\u223d\x00\u223e\x00\u223f\x00\u2240\x00\u2242"
    "\x00\u2243\x00\u2245\x00\u2246\x00\u2248\x00\u224a\x00\u224b\x00\u224c\x00\u224d\x00\u224e\x00"
    "\u224f\x00\u2250\x00\u2251\x00\u2252\x00\u2253\x00\u2254\x00\u2255\x00\u2256\x00\u2257\x00\u2258"
    "\x00\u2259\x00\u225a\x00\u225b\x00\u225c\x00\u225d\x00\u225e\x00\u225f\x00\u2261\x00\u2263\x00"
    "\u2264\x00\u2265\x00\u2266\x00\u2267\x00\u2268\x00\u2269\x00\u226a\x00\u226b\x00\u226c\x00\u2272"
    "\x00\u2273\x00\u2276\x00\u2277\x00\u227a\x00\u227b\x00\u227c\x00\u227d\x00\u227e\x00\u227f\x00"
    "\u2282\x00\u2283\x00\u2286\x00\u2287\x00\u228a\x00\u228b\x00\u228c\x00\u228d\x00\u228e\x00\u228f"
    "\x00\u2290\x00\u2291\x00\u2292\x00\u2293\x00\u2294\x00\u2295\x00\u2296\x00\u2297\x00\u2298\x00"
    "\u2299\x00\u229a\x00\u229b\x00\u229c\x00\u229d\x00\u229e\x00\u229f\x00\u22a0\x00\u22a1\x00\u22a2"
    "\x00\u22a3\x00\u22a4\x00\u22a5\x00\u22a6\x00\u22a7\x00\u22a8\x00\u22a9\x00\u22aa\x00\u22ab\x00"
    "\u22b0\x00\u22b1\x00\u22b2\x00\u22b3\x00\u22b4\x00\u22b5\x00\u22b6\x00\u22b7\x00\u22b8\x00\u22b9"
    "\x00\u22ba\x00\u22bb\x00\u22bc\x00\u22bd\x00\u22be\x00\u22bf\x00\u22c0\x00\u22c1\x00\u22c2\x00"
    "\u22c3\x00\u22c4\x00\u22c5\x00\u22c6\x00\u22c7\x00\u22c8\x00\u22c9\x00\u22ca\x00\u22cb\x00\u22cc"
    "\x00\u22cd\x00\u22ce\x00\u22cf\x00\u22d0\x00\u22d1\x00\u22d2\x00\u22d3\x00\u22d4\x00\u22d5\x00"
    "\u22d6\x00\u22d7\x00\u22d8\x00\u22d9\x00\u22da\x00\u22db\x00\u22dc\x00\u22dd\x00\u22de\x00\u22df"
    "\x00\u22e4\x00\u22e5\x00\u22e6\x00\u22e7\x00\u22e8\x00\u22e9\x00\u22ee\x00\u22ef\x00\u22f0\x00"
    "\u22f1\x00\u22f2\x00\u22f3\x00\u22f4\x00\u22f5\x00\u22f6\x00\u22f7\x00\u22f8\x00\u22f9\x00\u22fa"
    "\x00\u22fb\x00\u22fc\x00\u22fd\x00\u22fe\x00\u22ff\x00\u25a0\x00\u25a1\x00\u25a2\x00\u25a3\x00"
    "\u25a4\x00\u25a5\x00\u25a6\x00\u25a7\x00\u25a8\x00\u25a9\x00\u25aa\x00\u25ab\x00\u25ac\x00\u25ad"
    "\x00\u25ae\x00\u25af\x00\u25b0\x00\u25b1\x00\u25b2\x00\u25b3\x00\u25b4\x00\u25b5\x00\u25b6\x00"
    "\u25b7\x00\u25b8\x00\u25b9\x00\u25ba\x00\u25bb\x00\u25bc\x00\u25bd\x00\u25be\x00\u25bf\x00\u25c0"
    "\x00\u25c1\x00\u25c2\x00\u25c3\x00\u25c4\x00\u25c5\x00\u25c6\x00\u25c7\x00\u25c8\x00\u25c9\x00"
    "\u25ca\x00\u25cb\x00\u25cc\x00\u25cd\x00\u25ce\x00\u25cf\x00\u25d0\x00\u25d1\x00\u25d2\x00\u25d3"
    "\x00\u25d4\x00\u25d5\x00\u25d6\x00\u25d7\x00\u25d8\x00\u25d9\x00\u25da\x00\u25db\x00\u25dc\x00"
    "\u25dd\x00\u25de\x00\u25df\x00\u25e0\x00\u25e1\x00\u25e2\x00\u25e3\x00\u25e4\x00\u25e5\x00\u25e6"
    "\x00\u25e7\x00\u25e8\x00\u25e9\x00\u25ea\x00\u25eb\x00\u25ec\x00\u25ed\x00\u25ee\x00\u25ef\x00"
    "\u25f0\x00\u25f1\x00\u25f2\x00\u25f3\x00\u25f4\x00\u25f5\x00\u25f6\x00\u25f7\x00\u25f8\x00\u25f9"
    "\x00\u25fa\x00\u25fb\x00\u25fc\x00\u25fd\x00\u25fe\x00\u25ff\x00\u2600\x00\u2601\x00\u2602\x00"
    "\u2603\x00\u2604\x00\u2605\x00\u2606\x00\u2607\x00\u2608\x00\u2609\x00\u260a\x00\u260b\x00\u260c"
    "\x00\u260d\x00\u260e\x00\u260f\x00\u2610\x00\u2611\x00\u2612\x00\u2613\x00\u2614\x00\u2615\x00"
    "\u2616\x00\u2617\x00\u2618\x00\u2619\x00\u261a\x00\u261b\x00\u261c\x00\u261d\x00\u261e\x00\u261f"
    "\x00\u2620\x00\u2621\x00\u2622\x00\u2623\x00\u2624\x00\u2625\x00\u2626\x00\u2627\x00\u2628\x00"
    "\u2629\x00\u262a\x00\u262b\x00\u262c\x00\u262d\x00\u262e\x00\u262f\x00\u2638\x00\u2639\x00\u263a"
    "\x00\u263b\x00\u263c\x00\u263d\x00\u263e\x00\u263f\x00\u2640\x00\u2641\x00\u2642\x00\u2643\x00"
    "\u2644\x00\u2645\x00\u2646\x00\u2647\x00\u2648\x00\u2649\x00\u264a\x00\u264b\x00\u264c\x00\u264d"
    "\x00\u264e\x00\u264f\x00\u2650\x00\u2651\x00\u2652\x00\u2653\x00\u2654\x00\u2655\x00\u2656\x00"
    "\u2657\x00\u2658\x00\u2659\x00\u265a\x00\u265b\x00\u265c\x00\u265d\x00\u265e\x00\u265f\x00\u2660"
    "\x00\u2661\x00\u2662\x00\u2663\x00\u2664\x00\u2665\x00\u2666\x00\u2667\x00\u2668\x00\u2669\x00"
    "\u266a\x00\u266b\x00\u266c\x00\u2670\x00\u2671\x00\u2672\x00\u2673\x00\u2674\x00\u2675\x00\u2676"
    "\x00\u2677\x00\u2678\x00\u2679\x00\u267a\x00\u267b\x00\u267c\x00\u267d\x00\u267e\x00\u267f\x00"
    "\u2680\x00\u2681\x00\u2682\x00\u2683\x00\u2684\x00\u2685\x00\u2686\x00\u2687\x00\u2688\x00\u2689"
    "\x00\u2690\x00\u2691\x00\u2692\x00\u2693\x00\u2694\x00\u2695\x00\u2696\x00\u2697\x00\u2698\x00"
    "\u2699\x00\u269a\x00\u269b\x00\u269c\x00\u269d\x00\u269e\x00\u269f\x00\u26a0\x00\u26a1\x00\u26a2"
    "\x00\u26a3\x00\u26a4\x00\u26a5\x00\u26a6\x00\u26a7\x00\u26a8\x00\u26a9\x00\u26aa\x00\u26ab\x00"
    "\u26ac\x00\u26ad\x00\u26ae\x00\u26af\x00\u26b0\x00\u26b1\x00\u26b2\x00\u26b3\x00\u26b4\x00\u26b5"
    "\x00\u26b6\x00\u26b7\x00\u26b8\x00\u26b9\x00\u26ba\x00\u26bb\x00\u26bc\x00\u26bd\x00\u26be\x00"
    "\u26bf\x00\u26c0\x00\u26c1\x00\u26c2\x00\u26c3\x00\u26c4\x00\u26c5\x00\u26c6\x00\u26c7\x00\u26c8"
    "\x00\u26c9\x00\u26ca\x00\u26cb\x00\u26cc\x00\u26cd\x00\u26ce\x00\u26cf\x00\u26d0\x00\u26d1\x00"
    "\u26d2\x00\u26d3\x00\u26d4\x00\u26d5\x00\u26d6\x00\u26d7\x00\u26d8\x00\u26d9\x00\u26da\x00\u26db"
    "\x00\u26dc\x00\u26dd\x00\u26de\x00\u26df\x00\u26e0\x00\u26e1\x00\u26e2\x00\u26e3\x00\u26e4\x00"
    "\u26e5\x00\u26e6\x00\u26e7\x00\u26e8\x00\u26e9\x00\u26ea\x00\u26eb\x00\u26ec\x00\u26ed\x00\u26ee"
    "\x00\u26ef\x00\u26f0\x00\u26f1\x00\u26f2\x00\u26f3\x00\u26f4\x00\u26f5\x00\u26f6\x00\u26f7\x00"
    "\u26f8\x00\u26f9\x00\u26fa\x00\u26fb\x00\u26fc\x00\u26fd\x00\u26fe\x00\u26ff\x00\u268a\x00\u268b"
    "\x00\u268c\x00\u268d\x00\u268e\x00\u268f\x00\u2630\x00\u2631\x00\u2632\x00\u2633\x00\u2634\x00"
    "\u2635\x00\u2636\x00\u2637\x00\u266d\x00\u266e\x00\u266f\x00\u02d0\x00\u02d1\x00\xa4\x00\xa2\x00"
    "$\x00\xa3\x00\xa5\x00\u20a0\x00\u20a1\x00\u20a2\x00\u20a3\x00\u20a4\x00\u20a5\x00\u20a6\x00"
    "\u20a9\x00\u20aa\x00\u20ab\x00\u20ac\x00\u20ad\x00\u20ae\x00\u20af\x00\u20b0\x00\u20b1\x00\u20b2"
    "\x00\u20b3\x00\u20b4\x00\u20b5\x00\u20b6\x00\u20b7\x00\u20b8\x00\u20b9\x00\u20ba\x00\u20bb\x00"
    "\u20bc\x00\u20bd\x00\u20be\x00\u20bf\x00\u20c0\x000\x001\xb9\x002\xb2\x003\xb3\x004\x005\x006"
    "\x007\x008\x009\x00aA\xaa\u1d43\u1d2c\ua79b\ua79a\ua7c1\ua7c0\x00\ua733\ua732\x00\u1d2d\x00"
    "\ua735\ua734\x00\ua737\ua736\x00\ua739\ua738\ua73b\ua73a\x00\ua73d\ua73c\x00\u1d00\x00\u2c65"
    "\u023a\x00\u1d8f\x00\ua7bb\ua7ba\x00\u1d01\x00\u1d02\u1d46\x00\u0250\u2c6f\u1d44\x00\u0251\u2c6d"
    "\u1d45\x00\u1d90\x00\u0252\u2c70\u1d9b\x00bB\u1d47\u1d2e\x00\u0299\x00\u0180\u0243\x00\u1d2f\x00"
    "\u1d03\x00\u1d6c\x00\ua797\ua796\x00\u1d80\x00\u0253\u0181\x00\u0183\u0182\x00\ua7b5\ua7b4\x00cC"
    "\u1d9c\ua7f2\x00\u1d04\x00\u023c\u023b\x00\ua793\ua792\x00\ua794\ua7c4\x00\u0188\u0187\x00\u0255"
    "\u1d9d\x00\ua73f\ua73e\x00dD\u1d48\u1d30\u0111\u0110\xf0\xd0\u1d9e\ua77a\ua779\x00\u0238\x00"
    "\u02a3\x00\u02a5\x00\u02a4\x00\u1d05\x00\u1d06\x00\ua7c8\ua7c7\x00\u1d6d\x00\u1d81\x00\u0256"
    "\u0189\x00\u0257\u018a\x00\u1d91\x00\u018c\u018b\x00\u0221\x00\ua771\x00\u1e9f\x00eE\u1d49\u1d31"
    "\x00\u1d07\x00\u0247\u0246\x00\u1d92\x00\u2c78\x00\u01dd\u018e\u1d32\x00\u2c7b\x00\u0259\u018f"
    "\u1d4a\x00\u1d95\x00\u025b\u0190\u1d4b\x00\u1d93\x00\u0258\x00\u025a\x00\u025c\ua7ab\u1d9f\x00"
    "\u1d94\x00\u1d08\u1d4c\x00\u025d\x00\u025e\x00\u029a\x00\u0264\x00fF\u1da0\ua7f3\ua77c\ua77b\x00"
    "\u02a9\x00\ua730\x00\ua799\ua798\x00\u1d6e\x00\u1d82\x00\u0192\u0191\x00\ua7fb\x00gG\u1d4d\u1d33"
    "\ua7a1\ua7a0\u1d79\ua77d\x00\ua7d1\ua7d0\x00\u0261\ua7ac\u1da2\x00\u0262\x00\u01e5\u01e4\x00"
    "\u1d83\x00\u0260\u0193\x00\u029b\x00\u1d77\x00\ua77f\ua77e\x00\u0263\u0194\u02e0\x00\u01a3\u01a2"
    "\x00hH\u02b0\u1d34\u0127\u0126\ua7f8\x00\u029c\x00\u0195\u01f6\x00\ua795\x00\u0266\ua7aa\u02b1"
    "\x00\u2c68\u2c67\x00\u2c76\u2c75\x00\ua7f6\ua7f5\x00\ua727\ua726\x00\u0267\x00\u02bb\x00\u02bd"
    "\x00iI\u1d62\u1d35\x00\u0131\x00\u026a\ua7ae\u1da6\x00\ua7fe\x00\ua7f7\x00\u1d09\u1d4e\x00\u0268"
    "\u0197\u1da4\x00\u1d7b\u1da7\x00\u1d96\x00\ua7bd\ua7bc\x00\u0269\u0196\u1da5\x00\u1d7c\x00jJ"
    "\u02b2\u2c7c\u1d36\x00\u0237\x00\u1d0a\x00\u0249\u0248\x00\u029d\ua7b2\u1da8\x00\u025f\u1da1\x00"
    "\u0284\x00kK\u1d4f\u1d37\ua7a3\ua7a2\x00\u1d0b\x00\u1d84\x00\u0199\u0198\x00\u2c6a\u2c69\x00"
    "\ua741\ua740\x00\ua743\ua742\x00\ua745\ua744\x00\u029e\ua7b0\x00lL\u02e1\u1d38\u0142\u0141\x00"
    "\u1efb\u1efa\x00\u02aa\x00\u02ab\x00\u029f\u1dab\x00\ua747\ua746\x00\u1d0c\x00\ua749\ua748\x00"
    "\u019a\u023d\x00\u2c61\u2c60\x00\u026b\u2c62\x00\u026c\ua7ad\x00\u1d85\u1daa\x00\u026d\u1da9\x00"
    "\ua78e\x00\u0234\x00\ua772\x00\u026e\x00\ua781\ua780\x00\u019b\x00\u028e\x00mM\u1d50\u1d39\x00"
    "\u1d0d\x00\u1d6f\x00\u1d86\x00\u0271\u2c6e\u1dac\x00\ua7fd\x00\ua7ff\x00\ua773\x00nN\u1d3a\ua7a5"
    "\ua7a4\x00\u0274\u1db0\x00\u1d3b\x00\u1d0e\x00\u1d70\x00\u0272\u019d\u1dae\x00\u019e\u0220\x00"
    "\ua791\ua790\x00\u1d87\x00\u0273\u1daf\x00\u0235\x00\ua774\x00\u014b\u014a\u1d51\x00oO\xba\u1d52"
    "\u1d3c\ua79d\ua79c\xf8\xd8\x00\ua7f9\x00\ua74f\ua74e\x00\u1d0f\x00\u1d11\x00\u0276\x00\u1d14\x00"
    "\u1d13\x00\u0254\u0186\u1d53\x00\u1d10\x00\u1d12\x00\u1d97\x00\ua74d\ua74c\x00\u1d16\u1d54\x00"
    "\u1d17\u1d55\x00\u2c7a\x00\u0275\u019f\u1db1\x00\ua74b\ua74a\x00\u0277\x00\ua7b7\ua7b6\x00\u0223"
    "\u0222\u1d3d\x00\u1d15\x00pP\u1d56\u1d3e\x00\u20a7\x00\u1d18\x00\u1d7d\u2c63\x00\ua751\ua750\x00"
    "\u1d71\x00\u1d88\x00\u01a5\u01a4\x00\ua753\ua752\x00\ua755\ua754\x00\ua7fc\x00\u0278\u1db2\x00"
    "\u2c77\x00qQ\ua7f4\x00\u0239\x00\ua7af\x00\ua757\ua756\x00\ua759\ua758\x00\u02a0\x00\u024b\u024a"
    "\x00\u0138\x00rR\u02b3\u1d63\u1d3f\ua7a7\ua7a6\ua783\ua782\ua75b\ua75a\x00\u0280\u01a6\x00\u1d19"
    "\x00\u024d\u024c\x00\u1d72\x00\u0279\u02b4\x00\u1d1a\x00\u027a\x00\u027b\u02b5\x00\u2c79\x00"
    "\u1d89\x00\u027c\x00\u027d\u2c64\x00\u027e\x00\u1d73\x00\u027f\x00\u0281\u02b6\x00\ua775\x00"
    "\ua776\x00\ua75d\ua75c\x00sS\u02e2\ua7a9\ua7a8\u017f\ua785\ua784\ua7d9\ua7d8\x00\u1e9e\x00\ua731"
    "\x00\ua7ca\ua7c9\x00\u1d74\x00\u1d8a\x00\u0282\ua7c5\u1db3\x00\u023f\u2c7e\x00\ua7d7\ua7d6\x00"
    "\u1e9c\x00\u1e9d\x00\u0283\u01a9\u1db4\x00\u1d8b\x00\u1d98\x00\u01aa\x00\u0285\x00\u0286\x00tT"
    "\u1d57\u1d40\ua787\ua786\x00\u02a8\x00\u1d7a\x00\u01be\u02a6\x00\u02a7\x00\ua729\ua728\x00\u1d1b"
    "\x00\u0167\u0166\x00\u2c66\u023e\x00\u1d75\x00\u01ab\u1db5\x00\u01ad\u01ac\x00\u0288\u01ae\x00"
    "\u0236\x00\ua777\x00\u0287\ua7b1\x00uU\u1d58\u1d64\u1d41\ua79f\ua79e\x00\u1d1c\u1db8\x00\u1d1d"
    "\u1d59\x00\u1d1e\x00\u1d6b\x00\u0289\u0244\u1db6\x00\ua7b9\ua7b8\x00\u1d7e\x00\u1d99\x00\ua7bf"
    "\ua7be\x00\u0265\ua78d\u1da3\x00\u02ae\x00\u02af\x00\u026f\u019c\u1d5a\x00\ua7fa\x00\u1d1f\x00"
    "\u0270\u1dad\x00\u028a\u01b1\u1db7\x00\u1d7f\x00vV\u1d5b\u1d65\u2c7d\x00\ua761\ua760\x00\u1d20"
    "\x00\ua75f\ua75e\x00\u1d8c\x00\u028b\u01b2\u1db9\x00\u2c71\x00\u2c74\x00\u1efd\u1efc\x00\u028c"
    "\u0245\u1dba\x00wW\u02b7\u1d42\ua7c3\ua7c2\x00\u1d21\x00\u2c73\u2c72\x00\u028d\x00xX\u02e3\x00"
    "\u1d8d\x00\ua7b3\x00yY\u02b8\x00\u028f\x00\u024f\u024e\x00\u01b4\u01b3\x00\u1eff\u1efe\x00\u021d"
    "\u021c\x00zZ\u1dbb\x00\u018d\x00\u1d22\x00\u01b6\u01b5\x00\u1d76\x00\u1d8e\ua7c6\x00\u0225\u0224"
    "\x00\u0290\u1dbc\x00\u0291\u1dbd\x00\u0240\u2c7f\x00\u2c6c\u2c6b\x00\ua763\ua762\x00\u0292\u01b7"
    "\u1dbe\x00\u1d23\x00\u01b9\u01b8\x00\u1d9a\x00\u01ba\x00\u0293\x00\xfe\xde\x00\ua7d3\x00\ua765"
    "\ua764\x00\ua767\ua766\x00\u01bf\u01f7\x00\ua7d5\x00\ua769\ua768\x00\ua76b\ua76a\x00\ua76d\ua76c"
    "\x00\ua76f\ua76e\ua770\x00\ua778\x00\u01bb\x00\ua72b\ua72a\x00\ua72d\ua72c\x00\ua72f\ua72e\x00"
    "\u01a8\u01a7\x00\u01bd\u01bc\x00\u0185\u0184\x00\u0294\x00\u0242\u0241\x00\u02c0\x00\u02bc\x00"
    "\u02ee\x00\u02be\x00\ua723\ua722\x00\ua78c\ua78b\x00\ua78f\x00\u0295\u02e4\x00\u02bf\x00\u02c1"
    "\x00\u1d24\x00\u1d25\u1d5c\x00\ua725\ua724\x00\u02a1\x00\u02a2\x00\u0296\x00\u01c0\x00\u01c1\x00"
    "\u01c2\x00\u01c3\x00\u0297\x00\u0298\x00\u02ac\x00\u02ad\x00\u03b1\u0391\x00\u03b2\u03d0\u0392"
    "\u1d5d\u1d66\x00\u03b3\u0393\u1d5e\u1d67\x00\u1d26\x00\u03b4\u0394\u1d5f\x00\u03b5\u03f5\u0395"
    "\x00\u03dd\u03dc\x00\u0377\u0376\x00\u03db\u03da\x00\u03b6\u0396\x00\u0371\u0370\x00\u03b7\u0397"
    "\x00\u03b8\u03d1\u0398\u03f4\u1dbf\x00\u03b9\u037a\u0399\x00\u03f3\u037f\x00\u03ba\u03f0\u039a"
    "\x00\u03d7\u03cf\x00\u03bb\u039b\x00\u1d27\x00\u03bc\xb5\u039c\x00\u03bd\u039d\x00\u03be\u039e"
    "\x00\u03bf\u039f\x00\u03c0\u03d6\u03a0\x00\u1d28\x00\u03fb\u03fa\x00\u03df\u03de\x00\u03d9\u03d8"
    "\x00\u03c1\u03f1\u03a1\u1d68\x00\u1d29\x00\u03fc\x00\u03c3\u03f2\u03a3\u03f9\u03c2\x00\u037c"
    "\u03fe\x00\u037b\u03fd\x00\u037d\u03ff\x00\u03c4\u03a4\x00\u03c5\u03a5\u03d2\x00\u03c6\u03d5"
    "\u03a6\u1d60\u1d69\x00\u03c7\u03a7\u1d61\u1d6a\x00\u03c8\u03a8\x00\u1d2a\x00\u03c9\u03a9\x00"
    "\u03e1\u03e0\x00\u0373\u0372\x00\u03f8\u03f7\x00\u03e3\u03e2\x00\u03e5\u03e4\x00\u03e7\u03e6\x00"
    "\u03e9\u03e8\x00\u03eb\u03ea\x00\u03ed\u03ec\x00\u03ef\u03ee\x00\u0430\u0410\x00\u04d9\u04d8\x00"
    "\u04d5\u04d4\x00\u0431\u0411\x00\u0432\u0412\x00\u0433\u0413\u0491\u0490\x00\u0493\u0492\x00"
    "\u04fb\u04fa\x00\u0495\u0494\x00\u04f7\u04f6\x00\u0434\u0414\x00\u0501\u0500\x00\u0452\u0402\x00"
    "\u0503\u0502\x00\u0499\u0498\x00\u0435\u0415\x00\u0454\u0404\x00\u0436\u0416\x00\u052b\u052a\x00"
    "\u0497\u0496\x00\u0437\u0417\x00\u0505\u0504\x00\u0511\u0510\x00\u0455\u0405\x00\u04e1\u04e0\x00"
    "\u0507\u0506\x00\u0438\u0418\x00\u048b\u048a\x00\u0456\u0406\x00\u0458\u0408\x00\u043a\u041a\x00"
    "\u049b\u049a\x00\u04c4\u04c3\x00\u04a1\u04a0\x00\u049f\u049e\x00\u049d\u049c\x00\u051f\u051e\x00"
    "\u051b\u051a\x00\u043b\u041b\x00\u1d2b\x00\u04c6\u04c5\x00\u052f\u052e\x00\u0513\u0512\x00\u0521"
    "\u0520\x00\u0459\u0409\x00\u0509\u0508\x00\u0515\u0514\x00\u043c\u041c\x00\u04ce\u04cd\x00\u043d"
    "\u041d\u1d78\x00\u0529\u0528\x00\u04ca\u04c9\x00\u04a3\u04a2\x00\u04c8\u04c7\x00\u0523\u0522\x00"
    "\u04a5\u04a4\x00\u045a\u040a\x00\u050b\u050a\x00\u043e\u041e\x00\u04e9\u04e8\x00\u043f\u041f\x00"
    "\u0525\u0524\x00\u04a7\u04a6\x00\u0481\u0480\x00\u0440\u0420\x00\u048f\u048e\x00\u0517\u0516\x00"
    "\u0441\u0421\x00\u050d\u050c\x00\u04ab\u04aa\x00\u0442\u0422\x00\u050f\u050e\x00\u04ad\u04ac\x00"
    "\u045b\u040b\x00\u0443\u0423\x00\u04af\u04ae\x00\u04b1\u04b0\x00\u0479\u0478\x00\u0444\u0424\x00"
    "\u0445\u0425\x00\u04fd\u04fc\x00\u04ff\u04fe\x00\u04b3\u04b2\x00\u04bb\u04ba\x00\u0527\u0526\x00"
    "\u0461\u0460\x00\u047f\u047e\x00\u047d\u047c\x00\u047b\u047a\x00\u0446\u0426\x00\u04b5\u04b4\x00"
    "\u0447\u0427\x00\u052d\u052c\x00\u04b7\u04b6\x00\u04cc\u04cb\x00\u04b9\u04b8\x00\u04bd\u04bc\x00"
    "\u04bf\u04be\x00\u045f\u040f\x00\u0448\u0428\x00\u0449\u0429\x00\u044a\u042a\x00\u044b\u042b\x00"
    "\u044c\u042c\x00\u048d\u048c\x00\u0463\u0462\x00\u044d\u042d\x00\u044e\u042e\x00\u044f\u042f\x00"
    "\u0519\u0518\x00\u0465\u0464\x00\u0467\u0466\x00\u046b\u046a\x00\u0469\u0468\x00\u046d\u046c\x00"
    "\u046f\u046e\x00\u0471\u0470\x00\u0473\u0472\x00\u0475\u0474\x00\u04a9\u04a8\x00\u051d\u051c\x00"
    "\u04cf\u04c0"
)

# Characters whose tertiary weight equals that of the character listed just before them.
TERTIARY_TIES = "\u202f\u2019\u201a\u201b\u201d\u201e\u201f\u0384\u1d43\u1d52\ua785\u02a6"

# Characters that carry an extra secondary weight on top of their group's primary
# (e.g. "ø" is "o" plus a secondary difference), on the scale of COMBINING_MARKS.
EXTRA_SECONDARY: dict[str, float] = {
    "\u2018": 62.5,
    "\u2019": 62.5,
    "\u201a": 62.5,
    "\u201b": 62.5,
    "\u201c": 62.5,
    "\u201d": 62.5,
    "\u201e": 62.5,
    "\u201f": 62.5,
    "\ua79b": 12,
    "\ua79a": 12,
    "\ua7c1": 19,
    "\ua7c0": 19,
    "\ua73b": 62.5,
    "\ua73a": 62.5,
    "\u0111": 25,
    "\u0110": 25,
    "\xf0": 62.5,
    "\xd0": 62.5,
    "\u1d9e": 62.5,
    "\ua77a": 62.5,
    "\ua779": 62.5,
    "\ua77c": 62.5,
    "\ua77b": 62.5,
    "\ua7a1": 23,
    "\ua7a0": 23,
    "\u1d79": 62.5,
    "\ua77d": 62.5,
    "\u0127": 25,
    "\u0126": 25,
    "\ua7f8": 25,
    "\ua7a3": 23,
    "\ua7a2": 23,
    "\u0142": 25,
    "\u0141": 25,
    "\ua7a5": 23,
    "\ua7a4": 23,
    "\ua79d": 12,
    "\ua79c": 12,
    "\xf8": 17,
    "\xd8": 17,
    "\ua7a7": 23,
    "\ua7a6": 23,
    "\ua783": 62.5,
    "\ua782": 62.5,
    "\ua75b": 62.5,
    "\ua75a": 62.5,
    "\ua7a9": 23,
    "\ua7a8": 23,
    "\u017f": 62.5,
    "\ua785": 62.5,
    "\ua784": 62.5,
    "\ua7d9": 62.5,
    "\ua7d8": 62.5,
    "\ua787": 62.5,
    "\ua786": 62.5,
    "\ua79f": 12,
    "\ua79e": 12,
    "\ua7c3": 62.5,
    "\ua7c2": 62.5,
    "\u0491": 62.5,
    "\u0490": 62.5,
}

# Combining marks in secondary order; each string is one weight (2, 3, ...).
COMBINING_MARKS = (
    "\u0332",
    "\u0313\u0343\u0486",
    "\u0314\u0485",
    "\u0301\u0341",
    "\u0300\u0340",
    "\u0306",
    "\u0302",
    "\u030c",
    "\u030a",
    "\u0342",
    "\u0308",
    "\u0344",
    "\u030b",
    "\u0303",
    "\u0307",
    "\u0338",
    "\u0327",
    "\u0328",
    "\u0304",
    "\u030d\u030e\u0312\u0315\u031a\u033d\u033e\u033f\u0346\u034a\u034b\u034c\u0350\u0351\u0352\u0357\u035b\u035d\u035e\u0484\u0487\u20f0",
    "\u0316\u0317\u0318\u0319\u031c\u031d\u031e\u031f\u0320\u0329\u032a\u032b\u032c\u032f\u0333\u033a\u033b\u033c\u0347\u0348\u0349\u034d\u034e\u0353\u0354\u0355\u0356\u0359\u035a\u035c\u035f\u0362\u20ec\u20ed\u20ee\u20ef",
    "\u0336\u0337\u20d8\u20d9\u20da\u20e5\u20ea\u20eb",
    "\u20dd\u20de\u20df\u20e0\u20e2\u20e3\u20e4",
    "\u0335",
    "\u0305",
    "\u0309",
    "\u030f",
    "\u0310",
    "\u0311",
    "\u031b",
    "\u0321",
    "\u0322",
    "\u0323",
    "\u0324",
    "\u0325",
    "\u0326",
    "\u032d",
    "\u032e",
    "\u0330",
    "\u0331",
    "\u0334",
    "\u0339",
    "\u0345",
    "\u0358",
    "\u0360",
    "\u0361",
    "\u0483",
    "\u20d0",
    "\u20d1",
    "\u20d2\u20d3",
    "\u20d4",
    "\u20d5",
    "\u20d6",
    "\u20d7",
    "\u20db",
    "\u20dc",
    "\u20e1",
    "\u20e6",
    "\u20e7",
    "\u20e8",
    "\u20e9",
)

# Characters primary-equal to a string of others: (expansion, differs at the secondary level).
EXPANSIONS: dict[str, tuple[str, bool]] = {
    "\xbc": ("1\u20444", False),
    "\xbd": ("1\u20442", False),
    "\xbe": ("3\u20444", False),
    "\xc6": ("AE", True),
    "\xdf": ("ss", True),
    "\xe6": ("ae", True),
    "\u0132": ("IJ", False),
    "\u0133": ("ij", False),
    "\u013f": ("L\xb7", False),
    "\u0140": ("l\xb7", False),
    "\u0149": ("\u02bcn", False),
    "\u0152": ("OE", True),
    "\u0153": ("oe", True),
    "\u01c4": ("DZ\u030c", False),
    "\u01c5": ("Dz\u030c", False),
    "\u01c6": ("dz\u030c", False),
    "\u01c7": ("LJ", False),
    "\u01c8": ("Lj", False),
    "\u01c9": ("lj", False),
    "\u01ca": ("NJ", False),
    "\u01cb": ("Nj", False),
    "\u01cc": ("nj", False),
    "\u01f1": ("DZ", False),
    "\u01f2": ("Dz", False),
    "\u01f3": ("dz", False),
    "\u1e9a": ("a\u02be", False),
    "\u2025": ("..", False),
    "\u2026": ("...", False),
    "\u2033": ("\u2032\u2032", False),
    "\u2034": ("\u2032\u2032\u2032", False),
    "\u2036": ("\u2035\u2035", False),
    "\u2037": ("\u2035\u2035\u2035", False),
    "\u203c": ("!!", False),
    "\u2047": ("??", False),
    "\u2048": ("?!", False),
    "\u2049": ("!?", False),
    "\u2057": ("\u2032\u2032\u2032\u2032", False),
    "\u20a8": ("Rs", False),
    "\u222c": ("\u222b\u222b", False),
    "\u222d": ("\u222b\u222b\u222b", False),
    "\u222f": ("\u222e\u222e", False),
    "\u2230": ("\u222e\u222e\u222e", False),
}

# Code point ranges that ICU ignores completely, besides controls and format characters.
IGNORABLE_RANGES = (
    (0x034F, 0x034F),
    (0x0488, 0x0489),
    (0x0591, 0x05AF),
    (0x05BD, 0x05BD),
    (0x05C4, 0x05C5),
    (0x0610, 0x061A),
    (0x0640, 0x0640),
    (0x06D6, 0x06DC),
    (0x06DF, 0x06E4),
    (0x06E7, 0x06E8),
    (0x06EA, 0x06ED),
    (0x0740, 0x0740),
    (0x0743, 0x0744),
    (0x0747, 0x074A),
    (0x07FA, 0x07FA),
    (0x0898, 0x089D),
    (0x08CA, 0x08E1),
    (0x08EA, 0x08EF),
    (0x08F3, 0x08F3),
    (0x0951, 0x0952),
    (0x0F18, 0x0F19),
    (0x0F35, 0x0F35),
    (0x0F37, 0x0F37),
    (0x0F3E, 0x0F3F),
    (0x0F86, 0x0F87),
    (0x0FC6, 0x0FC6),
    (0x17B4, 0x17B5),
    (0x17D3, 0x17D3),
    (0x180A, 0x180D),
    (0x180F, 0x180F),
    (0x1A7F, 0x1A7F),
    (0x1B6B, 0x1B73),
    (0x1CD0, 0x1CE8),
    (0x1CF4, 0x1CF4),
    (0x1CF7, 0x1CF9),
    (0x2D7F, 0x2D7F),
    (0xA670, 0xA672),
    (0xA8E0, 0xA8F1),
    (0xFE00, 0xFE0F),
    (0xFE21, 0xFE21),
    (0xFE23, 0xFE26),
    (0xFE28, 0xFE28),
    (0xFE2A, 0xFE2D),
    (0xFE2F, 0xFE2F),
    (0xFE73, 0xFE73),
)

# Code point ranges whose combining marks (categories M*) have a primary weight, like letters
# (Indic vowel signs, for example); other marks only add a secondary weight.
PRIMARY_MARK_RANGES = (
    (0x0363, 0x036F),
    (0x07A6, 0x07B0),
    (0x0816, 0x0817),
    (0x081B, 0x081B),
    (0x093A, 0x093B),
    (0x093E, 0x094F),
    (0x0955, 0x0963),
    (0x09BE, 0x09E3),
    (0x0A3E, 0x0A51),
    (0x0A75, 0x0A75),
    (0x0ABE, 0x0AE3),
    (0x0B3E, 0x0B4D),
    (0x0B56, 0x0B63),
    (0x0BBE, 0x0BD7),
    (0x0C3E, 0x0C63),
    (0x0CBE, 0x0CE3),
    (0x0D3B, 0x0D63),
    (0x0DCA, 0x0E3A),
    (0x0EB1, 0x0EBC),
    (0x0F71, 0x0F7D),
    (0x0F80, 0x0F81),
    (0x0F84, 0x0F84),
    (0x0F8D, 0x0FBC),
    (0x102B, 0x1035),
    (0x1039, 0x109D),
    (0x1712, 0x1773),
    (0x17B6, 0x17C5),
    (0x17D2, 0x17D2),
    (0x1885, 0x1938),
    (0x1A17, 0x1A73),
    (0x1ABF, 0x1AC0),
    (0x1ACC, 0x1ACE),
    (0x1B35, 0x1B44),
    (0x1BA1, 0x1BAD),
    (0x1BE7, 0x1C36),
    (0x1DCA, 0x1DCA),
    (0x1DD2, 0x1DF4),
    (0x2DE0, 0x2DFF),
    (0xA674, 0xA67B),
    (0xA69E, 0xA69F),
    (0xA802, 0xA806),
    (0xA823, 0xA82C),
    (0xA8B4, 0xA8C4),
    (0xA8FF, 0xA92A),
    (0xA947, 0xA953),
    (0xA9B4, 0xAABE),
    (0xAAEB, 0xABEA),
    (0xABED, 0xABED),
)
