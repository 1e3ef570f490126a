import re,collections,sys
# usage: parts.py A.txt B.txt : share of JFR execution samples with each part on the stack, two profiles side by side
pats=['DateTimeUtils.parseInstant','LazyDeserializingObject.getObject','fetchTrackedEvents','SecondaryIndex.updateInPlace','SecondaryIndex.add','Utils.calculateSize','FeedStreams','LedgerLeaf','BsonEncoder','BsonDecoder','FileStore.serializeAndStore','Utils.splitPath','KeyedUniqueIndex']
def shares(f):
    fr=[];n=0;c=collections.Counter();th=collections.Counter();cur=None
    def fl():
        nonlocal n
        if cur is None: return
        n+=1; th[re.sub(r'\d+','#',cur)]+=1
        s=set(p for x in fr for p in pats if p in x)
        for p in s: c[p]+=1
    for line in open(f):
        t=line.strip()
        if t.startswith('jdk.ExecutionSample'): fl(); cur=''; fr=[]
        elif t.startswith('sampledThread'): cur=re.search(r'"(.*)"',t).group(1)
        elif 'line:' in t: fr.append(t)
    fl()
    return n,c,th
a=shares(sys.argv[1]); b=shares(sys.argv[2])
print(f'samples: {a[0]} | {b[0]}')
print('part on the stack | before | after')
for p in pats: print(f'{p} | {a[1][p]*100/a[0]:.1f} % | {b[1][p]*100/b[0]:.1f} %')
print('thread | before | after')
for t,_ in (a[2]+b[2]).most_common(14): print(f'{t} | {a[2][t]*100/a[0]:.1f} % | {b[2][t]*100/b[0]:.1f} %')
