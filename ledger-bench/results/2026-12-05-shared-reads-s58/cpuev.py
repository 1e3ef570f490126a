import json,sys
for r in sys.argv[1:]:
    try: j=json.load(open('/tmp/b/rb-%s/result.json'%r))
    except Exception as e: print(r,'-'); continue
    rate=cpu=None
    for f in j['figures']:
        if f['figure']=='rebuild of all read models, once healthy: events/s': rate=f['value']
        if f['figure']=='server CPU during the rebuild, once healthy': cpu=f['value']
    print(f"{r}: {rate:.0f} events/s, {cpu:.0f} % of a core, {cpu/100/rate*1000:.3f} ms CPU/event")
