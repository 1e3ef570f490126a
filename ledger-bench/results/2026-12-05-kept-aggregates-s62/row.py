import sys,re
for name in sys.argv[1:]:
    t=open(f'/tmp/b/cmd-{name}/summary.md').read()
    def v(fig):
        m=re.search(r'^\| '+re.escape(fig)+r' \| ([^|]+)\|[^|]*\|[^|]*\|[^|]*\| ([^|]*)\|',t,re.M)
        return (m.group(1).strip(), m.group(2).strip()) if m else ('-','')
    fl=v('request floor/s, 8 clients'); flc=v('server CPU, request floor, 8 clients')
    c8=v('commands/s, 8 clients'); p99=v('command p99, 8 clients'); cpu8=v('server CPU, 8 clients')
    c1=v('commands/s, 1 clients'); cpu1=v('server CPU, 1 clients'); lag=v('feed lag p99')
    ms=lambda x: re.search(r'([\d.]+) ms of CPU',x[1]).group(1) if 'ms of CPU' in x[1] else '-'
    print(f'| `{name}` | {fl[0]}, {ms(flc)} | {c8[0]}, {p99[0]}, {ms(cpu8)} | {c1[0]}, {ms(cpu1)} | {lag[0]} |')
