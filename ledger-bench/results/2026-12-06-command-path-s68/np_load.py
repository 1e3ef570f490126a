# np_load.py PORT SECONDS THREADS KIND: files cases of natural persons (KIND=np) or organisations (KIND=org) from THREADS threads
import http.client, json, sys, threading, time, random, uuid
port, seconds, threads, kind = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
def post(c, path, body, token=None):
    h = {"Content-Type": "application/json"}
    if token: h["Authorization"] = "Bearer " + token
    c.request("POST", path, json.dumps(body), h); r = c.getresponse(); return r.status, r.read()
c = http.client.HTTPConnection("127.0.0.1", port)
s, b = post(c, "/dev/tokens", {"sub": "o", "bureau": "91110000600037341L", "division": "110105", "roles": ["officer"]})
token = json.loads(b)["token"]
s, b = c.request("GET", "/dev/clock") or (0, 0); day = json.loads(c.getresponse().read())["now"][:10]
C = "0123456789ABCDEFGHJKLMNPQRTUWXY"; W = [1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28]
def idnum(rnd):
    base = "440305" + "19%02d%02d%02d" % (rnd.randint(50, 99), rnd.randint(1, 12), rnd.randint(1, 28)) + "%03d" % rnd.randint(100, 999)
    w = [7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]; s = sum(int(a)*b for a, b in zip(base, w)); return base + "10X98765432"[s % 11]
lat = []; lock = threading.Lock(); errors = [0]; end = time.time() + seconds
def worker(n):
    rnd = random.Random(n); conn = http.client.HTTPConnection("127.0.0.1", port)
    while time.time() < end:
        party = ({"kind": "NATURAL_PERSON", "name": "刘示例" + str(rnd.randint(0, 999)), "idNumber": idnum(rnd)} if kind == "np"
                 else {"kind": "LEGAL_PERSON", "name": "北京示例商贸有限公司", "uscc": "91110000600037341L", "legalRepresentative": "王示例"})
        body = {"filedOn": day, "ipType": "TRADEMARK", "violationType": "销售侵犯注册商标专用权的商品", "procedure": "ORDINARY", "source": "权利人投诉", "party": party}
        t = time.time(); st, _ = post(conn, "/api/v1/cases", body, token); d = time.time() - t
        with lock:
            if st == 201: lat.append(d)
            else: errors[0] += 1
ts = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
t0 = time.time(); [t.start() for t in ts]; [t.join() for t in ts]; el = time.time() - t0
lat.sort(); p = lambda q: lat[min(len(lat)-1, int(q*len(lat)))]*1000
print(f"{kind} threads={threads} filed={len(lat)} errors={errors[0]} rate={len(lat)/el:.0f}/s p50={p(0.5):.1f}ms p99={p(0.99):.1f}ms")
