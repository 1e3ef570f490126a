#!/usr/bin/env python3
# usage: rebuild.py LEDGERDIR JAR [jvm opts...]  -> copies LEDGERDIR/data, drops read models, times the replay
import sys, os, shutil, subprocess, time, json, urllib.request, socket, glob
src, jar, opts = sys.argv[1], sys.argv[2], sys.argv[3:]
work = '/tmp/rb-work'
shutil.rmtree(work, ignore_errors=True)
shutil.copytree(src + '/data', work)
shutil.rmtree(work + '/readmodels', ignore_errors=True)
s = socket.socket(); s.bind(('127.0.0.1', 0)); port = s.getsockname()[1]; s.close()
clock = open(work + '/clock.properties').read()
cmd = ['java'] + opts + ['-Daxoniq.update-checker.disabled=true', '-jar', jar, '--gongshi.data-dir=' + work, '--server.port=%d' % port,
       '--server.address=127.0.0.1', '--gongshi.traffic.enabled=false', '--gongshi.clock.start=2025-01-02T09:00:00+08:00']
log = open('/tmp/rb.log', 'w')
t0 = time.time()
p = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
import atexit, signal
signal.signal(signal.SIGPIPE, signal.SIG_DFL) if False else None
atexit.register(lambda: p.poll() is None and (p.kill(), p.wait()))
base = 'http://127.0.0.1:%d' % port
def get(path, tok=None):
    req = urllib.request.Request(base + path, headers={'Authorization': 'Bearer ' + tok} if tok else {})
    try:
        with urllib.request.urlopen(req, timeout=10) as r: return r.status, r.read()
    except urllib.error.HTTPError as e: return e.code, e.read()
    except Exception: return 0, b''
while True:
    st, body = get('/actuator/health')
    if st == 200 and b'"UP"' in body: break
    if p.poll() is not None: sys.exit('server died')
    time.sleep(0.1)
healthy = time.time()
def ticks():
    t = 0
    for f in glob.glob('/proc/%d/task/*/stat' % p.pid):
        try:
            x = open(f).read().rsplit(')', 1)[1].split(); t += int(x[11]) + int(x[12])
        except Exception: pass
    return t
def cpu_total():
    x = open('/proc/%d/stat' % p.pid).read().rsplit(')', 1)[1].split()
    return int(x[11]) + int(x[12])
c0 = cpu_total()
req = urllib.request.Request(base + '/dev/tokens', data=json.dumps({'sub': 'rb', 'bureau': '91110000000000000E', 'division': '110000', 'roles': ['admin']}).encode(), headers={'Content-Type': 'application/json'}, method='POST')
try:
    tok = json.loads(urllib.request.urlopen(req).read())['token']
except urllib.error.HTTPError as e:
    sys.exit('token: %s' % e.read())
head = None
while True:
    st, body = get('/actuator/health', tok)
    try: h = json.loads(body)
    except Exception: time.sleep(0.25); continue
    def find(o, k):
        if isinstance(o, dict):
            if k in o: return o[k]
            for v in o.values():
                r = find(v, k)
                if r is not None: return r
        return None
    if head is None:
        head = find(h, 'head')
        if head is not None: head = int(head); print('head', head, flush=True)
    procs = h.get('components', {}).get('eventProcessors', {}).get('details', {})
    ok = bool(procs) and head is not None and all((seg.get('position') if isinstance(seg.get('position'), int) else -1) >= head for pr in procs.values() for seg in pr.get('segments', []))
    if ok: break
    time.sleep(0.25)
t1 = time.time()
c1 = cpu_total()
hz = os.sysconf('SC_CLK_TCK')
print('events %s  total %.1f s  startup %.1f s  replay %.1f s  => %.1f ev/s once healthy; CPU %.2f ms/event (%.0f%% of a core)' % (
    head, t1 - t0, healthy - t0, t1 - healthy, head / (t1 - healthy), (c1 - c0) / hz * 1000 / head, (c1 - c0) / hz / (t1 - healthy) * 100))
groups = {}
for f in glob.glob('/proc/%d/task/*/stat' % p.pid):
    try:
        raw = open(f).read(); name = raw[raw.index('(')+1:raw.rindex(')')]; x = raw.rsplit(')', 1)[1].split()
        import re; g = re.sub(r'\d+', '#', name); groups[g] = groups.get(g, 0) + int(x[11]) + int(x[12])
    except Exception: pass
tot = sum(groups.values())
for g, t in sorted(groups.items(), key=lambda kv: -kv[1])[:14]: print('  %5.1f%%  %s' % (t * 100 / tot, g))
import re as _re
for o in opts:
    m = _re.search(r'filename=([^,]+)', o)
    if m: print(subprocess.run(['jcmd', str(p.pid), 'JFR.dump', 'filename=' + m.group(1)], capture_output=True, text=True).stdout)
p.terminate()
try:
    p.wait(timeout=60)
except subprocess.TimeoutExpired:
    p.kill(); p.wait()
