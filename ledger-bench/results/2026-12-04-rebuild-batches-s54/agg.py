import sys, re, collections
# usage: jfr print --events jdk.ExecutionSample --stack-depth 60 F.jfr | python3 agg.py [threadregex]
filt = re.compile(sys.argv[1]) if len(sys.argv) > 1 else None
threads = collections.Counter(); top = collections.Counter(); incl = collections.Counter(); n = 0
cur = None; frames = []
def flush():
    global n
    if cur is None: return
    if filt and not filt.search(cur): return
    n += 1
    t = re.sub(r'[-#]?\d+', '#', cur)
    threads[t] += 1
    if frames: top[frames[0]] += 1
    seen = set()
    for f in frames:
        m = f
        if m not in seen: seen.add(m); incl[m] += 1
for line in sys.stdin:
    s = line.strip()
    if s.startswith('jdk.ExecutionSample'):
        flush(); cur = None; frames = []
    elif s.startswith('sampledThread'):
        m = re.search(r'"(.*)"', s); cur = m.group(1) if m else s
    elif s.endswith(']') and 'line:' not in s: pass
    elif 'line:' in s:
        frames.append(re.sub(r'\s+line:.*', '', s))
flush()
print('samples', n)
print('--- threads'); [print(f'{c*100/n:5.1f}% {k}') for k, c in threads.most_common(15)]
print('--- self'); [print(f'{c*100/n:5.1f}% {k}') for k, c in top.most_common(30)]
print('--- inclusive'); [print(f'{c*100/n:5.1f}% {k}') for k, c in incl.most_common(4000)]
