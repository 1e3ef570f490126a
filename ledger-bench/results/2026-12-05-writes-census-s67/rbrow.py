import json,sys,glob
for d in sys.argv[1:]:
    f=glob.glob(d+'/*result.json')
    if not f: print(d,'(none)'); continue
    r=json.load(open(f[0]))
    h=[x for x in r['figures'] if x['figure']=='rebuild of all read models, once healthy: events/s']
    c=[x for x in r['figures'] if x['figure']=='server CPU during the rebuild, once healthy']
    print(d, round(h[0]['value']) if h else '-', c[0]['note'].split(' of CPU')[0] if c else '-', r.get('loadAverageAtStart'))
