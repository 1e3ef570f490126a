import re,sys
f,t0,t1=sys.argv[1:4]
lines=[l for l in open(f) if 'TALLY' in l]
def parse(l):
    body=l.split('TALLY ',1)[1].strip().strip('{}')
    d={}
    for part in re.split(r', (?=[a-zA-Z])', body):
        k,v=part.rsplit('=',1); d[k]=int(v)
    return d
a=parse([l for l in lines if t0 in l][0]); b=parse([l for l in lines if t1 in l][0])
diff={k:b[k]-a.get(k,0) for k in b if b[k]-a.get(k,0)>0}
ops={k:v for k,v in diff.items() if k.endswith(' ops')}
tot=sum(ops.values())
print('total ops',tot)
for k,v in sorted(ops.items(), key=lambda x:-x[1])[:12]: print(f'{v:7d} {100*v/tot:5.1f}%  {k[:-4]}  calls={diff.get(k[:-4]+" calls")}')
