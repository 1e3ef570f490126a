"""Shares of a JFR's execution samples, from `jfr print --events jdk.ExecutionSample --stack-depth 200 F > F.txt`.

python3 stacks.py share PATTERN... < F.txt          samples with a frame containing each pattern (all threads)
python3 stacks.py thread THREAD [PATTERN...] < F.txt  frames of the threads named THREAD..., inclusive, those matching
python3 stacks.py who PATTERN [DEPTH] < F.txt        the commonest callers of the frames matching PATTERN
"""
import collections, re, sys

def samples(lines):
    out, cur = [], None
    for line in lines:
        if line.startswith('jdk.ExecutionSample'):
            cur = {'thread': '', 'frames': []}
            out.append(cur)
        elif cur is not None:
            m = re.match(r'\s+sampledThread = "([^"]*)"', line)
            if m:
                cur['thread'] = m.group(1)
                continue
            m = re.match(r'\s+([\w$.<>/]+)\(', line)
            if m: cur['frames'].append(m.group(1))
    return out

mode, args = sys.argv[1], sys.argv[2:]
all_samples = samples(sys.stdin)
n = len(all_samples)
if mode == 'share':
    print('samples', n)
    for p in args:
        print(f'{100 * sum(1 for s in all_samples if any(p in f for f in s["frames"])) / n:5.1f}% {p}')
elif mode == 'thread':
    chosen = [s['frames'] for s in all_samples if args[0] in s['thread']]
    print('all', n, 'thread', args[0], len(chosen))
    inclusive = collections.Counter(f for s in chosen for f in set(s))
    for f, c in inclusive.most_common(300):
        if len(args) == 1 or any(k in f for k in args[1:]): print(f'{100 * c / len(chosen):5.1f}% {f}')
elif mode == 'who':
    depth = int(args[1]) if len(args) > 1 else 12
    callers = collections.Counter()
    for s in all_samples:
        at = [i for i, f in enumerate(s['frames']) if args[0] in f]
        if at:
            callers[' < '.join('.'.join(f.split('.')[-2:]) for f in s['frames'][at[-1]:at[-1] + depth])] += 1
    for k, v in callers.most_common(8): print(v, k, '\n')
