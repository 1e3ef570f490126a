#!/usr/bin/env python3
# usage: search.py LEDGERDIR JAR N [jvm opts...] -> serves a kept ledger (read models as kept), times public searches by kind
import sys, os, shutil, subprocess, time, json, urllib.request, urllib.parse, socket, random, atexit
src, jar, n, opts = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
work = '/tmp/sr-work'
shutil.rmtree(work, ignore_errors=True)
shutil.copytree(src + '/data', work)
s = socket.socket(); s.bind(('127.0.0.1', 0)); port = s.getsockname()[1]; s.close()
cmd = ['java'] + opts + ['-Daxoniq.update-checker.disabled=true', '-jar', jar, '--gongshi.data-dir=' + work, '--server.port=%d' % port,
       '--server.address=127.0.0.1', '--gongshi.traffic.enabled=false', '--gongshi.clock.start=2025-01-02T09:00:00+08:00']
p = subprocess.Popen(cmd, stdout=open('/tmp/sr.log', 'w'), stderr=subprocess.STDOUT)
atexit.register(lambda: p.poll() is None and (p.terminate(), p.wait()))
base = 'http://127.0.0.1:%d' % port
def get(path):
    t = time.perf_counter()
    try:
        with urllib.request.urlopen(base + path, timeout=30) as r: body = r.read(); st = r.status
    except urllib.error.HTTPError as e: body = e.read(); st = e.code
    except Exception: return 0, b'', 0
    return st, body, time.perf_counter() - t
while True:
    st, body, _ = get('/actuator/health')
    if st == 200 and b'"UP"' in body: break
    if p.poll() is not None: sys.exit('server died')
    time.sleep(0.2)
DIV = ["110105","110108","120104","310115","310104","320505","320106","330106","330203","340104","350203","370212","410105","420111","430104","440106"]
BR = ["华信","恒达","瑞丰","中科","金源","鑫盛","天成","宏远","博创","汇通","联合","新华","长城","东方","嘉禾","永泰","盛世","佳美","优品","安康"]
IND = ["科技","电子","贸易","生物医药","服饰","食品","新材料","文化传媒","机械","化妆品","网络科技","电子商务","酒业","家居"]
r = random.Random(5)
def path(kind):
    q = urllib.parse.quote
    if kind == 'q': return '/api/v1/public/penalties?q=' + q(r.choice(BR))
    if kind == 'division': return '/api/v1/public/penalties?division=' + r.choice(DIV)
    return '/api/v1/public/penalties?q=' + q(r.choice(IND)) + '&division=' + r.choice(DIV)[:2]
kinds = ['q', 'division', 'q+province']
for i in range(30): get(path(kinds[i % 3]))  # warm-up
lat = {k: [] for k in kinds}; totals = {k: [] for k in kinds}
for i in range(3 * n):
    k = kinds[i % 3]; st, body, t = get(path(k))
    if st != 200: sys.exit('%s: %s %s' % (k, st, body[:200]))
    lat[k].append(t * 1000); totals[k].append(json.loads(body).get('total', -1))
for k in kinds:
    l = sorted(lat[k]); pct = lambda q: l[min(len(l) - 1, int(q / 100 * len(l)))]
    print('%-11s n=%d p50 %.1f ms p90 %.1f ms max %.1f ms  mean total %.0f' % (k, len(l), pct(50), pct(90), l[-1], sum(totals[k]) / len(totals[k])))
import re as _re
for o in opts:
    m = _re.search(r'filename=([^,]+)', o)
    if m: print(subprocess.run(['jcmd', str(p.pid), 'JFR.dump', 'filename=' + m.group(1)], capture_output=True, text=True).stdout[-80:])
