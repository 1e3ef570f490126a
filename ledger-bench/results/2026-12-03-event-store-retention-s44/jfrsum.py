import re,collections,sys,subprocess
f=sys.argv[1]; marks=sys.argv[2].split(',') if len(sys.argv)>2 else []
txt=subprocess.run(['jfr','print','--stack-depth','64','--events','jdk.ExecutionSample',f],capture_output=True,text=True).stdout
events=txt.split('jdk.ExecutionSample')[1:]
n=len(events); print('samples',n)
thr=collections.Counter(); mk=collections.Counter(); ours=collections.Counter()
for e in events:
    m=re.search(r'sampledThread = "([^"]*)"',e)
    thr[re.sub(r'\d+','N',m.group(1))[:24] if m else '?']+=1
    fr=[re.sub(r'\s+line:.*','',l.strip()).split('(')[0] for l in e.split('stackTrace = [')[1].split(']')[0].strip().split('\n') if l.strip() and l.strip()!='...']
    seen=set()
    for x in marks:
        if any(x in f for f in fr): seen.add(x)
    for x in seen: mk[x]+=1
print('-- threads'); [print(f"{v*100/n:5.1f}% {k}") for k,v in thr.most_common(12)]
print('-- samples with frame'); [print(f"{mk[x]*100/n:5.1f}% {x}") for x in marks]
