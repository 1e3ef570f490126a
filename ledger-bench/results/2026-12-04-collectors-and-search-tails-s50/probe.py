import sys, time, random, urllib.request, urllib.parse, datetime
B = sys.argv[1]; n = int(sys.argv[2]); out = sys.argv[3]
BR = ["华信","恒达","瑞丰","中科","金源","鑫盛","天成","宏远","博创","汇通","联合","新华","长城","东方","嘉禾","永泰","盛世","佳美","优品","安康"]
IN = ["科技","电子","贸易","生物医药","服饰","食品","新材料","文化传媒","机械","化妆品","网络科技","电子商务","酒业","家居"]
DV = ["110105","110108","120104","310115","310104","320505","320106","330106","330203","340104","350203","370212","410105","420111","430104","440106","440305","440604","500103","510107","530102","610113","210102","230103"]
r = random.Random(5); rows = []
for i in range(n):
    s = i % 4
    if s == 0: p = "/api/v1/public/penalties?q=" + urllib.parse.quote(r.choice(BR)); shape = "q"
    elif s == 1: p = "/api/v1/public/penalties?division=" + r.choice(DV); shape = "division"
    elif s == 2: p = "/api/v1/public/penalties?q=" + urllib.parse.quote(r.choice(IN)) + "&division=" + r.choice(DV)[:2]; shape = "q+province"
    else: p = "/api/v1/public/stats?division=" + r.choice(DV) + "&year=2025"; shape = "stats"
    t0 = time.perf_counter(); 
    with urllib.request.urlopen(B + p) as resp: resp.read(); code = resp.status
    ms = (time.perf_counter() - t0) * 1000
    rows.append((datetime.datetime.utcnow().strftime('%H:%M:%S.%f')[:-3], shape, ms, code))
with open(out, 'w') as f:
    for row in rows: f.write('%s %s %.2f %d\n' % row)
import collections
by = collections.defaultdict(list)
for t, s, ms, c in rows: by[s].append(ms)
for s, l in by.items():
    l.sort(); k = len(l)
    print(f'{s:11s} n={k} p50={l[k//2]:.1f} p90={l[int(k*.9)]:.1f} p99={l[min(k-1,int(k*.99))]:.1f} max={l[-1]:.1f}')
