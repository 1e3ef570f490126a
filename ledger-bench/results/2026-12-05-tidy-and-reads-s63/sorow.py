import json,sys
# sorow.py RUN...: p50/p99 of the three search shapes at 1M, and the find-by-id baseline, from each run's result.json
for run in sys.argv[1:]:
    r=json.load(open(f'/tmp/b/so-{run}/result.json'))
    figs=r.get('figures',r)
    def f(name):
        for x in figs:
            if x.get('name','')==name or x.get('figure','')==name: return x
    out=[]
    for shape in ('q','division','q+province'):
        p50=f(f'public search ({shape}) at 1000000 records p50'); p99=f(f'public search ({shape}) at 1000000 records p99')
        out.append(f"{shape} {p50['value']:.3g}/{p99['value']:.3g}" if p50 and p99 else shape+' ?')
    print(run, ' | '.join(out))
