import sys,re
lines=open(sys.argv[1]).read().split('\n')
dumps=[];cur=None
for l in lines:
    if l=='PROBE': cur={}; dumps.append(cur); continue
    m=re.match(r'PROBE\s+(\d+)\s+(\d+)\s+(\d+) ms (.*)$',l)
    if m and cur is not None: cur[m.group(4)]=tuple(int(m.group(i)) for i in (1,2,3))
a=dumps[int(sys.argv[2])]; b=dumps[int(sys.argv[3])]; n=float(sys.argv[4])
rows=[(k,b[k][0]-a.get(k,(0,0,0))[0],b[k][1]-a.get(k,(0,0,0))[1],b[k][2]-a.get(k,(0,0,0))[2]) for k in b]
rows.sort(key=lambda r:-r[3])
tc=sum(r[1] for r in rows); tm=sum(r[3] for r in rows)
print(f'per API command ({n:.0f}): mongo commands {tc/n:.2f}, ms inside the server {tm/n:.2f}')
for k,c,d,ms in rows[:25]: print(f'{c/n:7.2f} cmds {d/n:7.2f} docs {ms/n:6.3f} ms  {k}')
