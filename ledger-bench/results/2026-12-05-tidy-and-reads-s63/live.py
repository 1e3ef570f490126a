import sys, time, json, urllib.request, urllib.parse, random
# live.py PORT SECONDS: sequential public searches for SECONDS (names' bigrams, divisions, bigram+province), latency percentiles
port, secs = int(sys.argv[1]), float(sys.argv[2])
base = f'http://127.0.0.1:{port}'
def get(path):
    t = time.perf_counter()
    with urllib.request.urlopen(base + path, timeout=30) as r: body = r.read()
    return (time.perf_counter() - t) * 1000, body
_, body = get('/api/v1/public/penalties?size=100')
items = json.loads(body)['items']
names = [i['subjectName'] for i in items]; divs = [i['division'] for i in items]
rnd = random.Random(5); lat = []; end = time.time() + secs
while time.time() < end:
    n = rnd.choice(names); k = rnd.randrange(max(1, len(n) - 1)); bigram = n[k:k + 2]
    shape = rnd.randrange(3)
    if shape == 0: p = '/api/v1/public/penalties?q=' + urllib.parse.quote(bigram)
    elif shape == 1: p = '/api/v1/public/penalties?division=' + rnd.choice(divs)
    else: p = '/api/v1/public/penalties?q=' + urllib.parse.quote(bigram) + '&division=' + rnd.choice(divs)[:2]
    ms, _ = get(p); lat.append(ms)
lat.sort(); q = lambda f: lat[min(len(lat) - 1, int(f * len(lat)))]
print(json.dumps({'searches': len(lat), 'p50': round(q(0.5), 1), 'p99': round(q(0.99), 1), 'max': round(lat[-1], 1)}))
