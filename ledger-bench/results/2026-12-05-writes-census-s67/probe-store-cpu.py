p='/work/main/ledger-server/src/main/java/org/gongshi/server/embedded/CrashConsistentH2Backend.java'
s=open(p).read()
old="""            return super.handleCommand(channel, database, command, query);
        } finally {
            LEADING_MATCH.remove();"""
new="""            long cpu0 = PROBE_MX.getCurrentThreadCpuTime();
            try {
                return super.handleCommand(channel, database, command, query);
            } finally {
                Object coll = query.get(command);
                String key = command + " " + (coll instanceof String c ? c : "-");
                long docs = 0;
                for (String f : new String[]{"documents", "updates", "deletes"}) if (query.get(f) instanceof java.util.List<?> l) docs += l.size();
                java.util.concurrent.atomic.LongAdder[] a = PROBE.computeIfAbsent(key, k -> new java.util.concurrent.atomic.LongAdder[]{new java.util.concurrent.atomic.LongAdder(), new java.util.concurrent.atomic.LongAdder(), new java.util.concurrent.atomic.LongAdder()});
                a[0].increment(); a[1].add(docs); a[2].add(PROBE_MX.getCurrentThreadCpuTime() - cpu0);
            }
        } finally {
            LEADING_MATCH.remove();"""
assert old in s
s=s.replace(old,new,1)
old="""    /** The pipeline the driver's {@code countDocuments} sends"""
new="""    static final java.lang.management.ThreadMXBean PROBE_MX = java.lang.management.ManagementFactory.getThreadMXBean();
    static final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder[]> PROBE = new java.util.concurrent.ConcurrentHashMap<>();
    static {
        Thread t = new Thread(() -> {
            while (true) {
                try { Thread.sleep(10_000); } catch (InterruptedException e) { return; }
                StringBuilder b = new StringBuilder("STORECPU");
                new java.util.TreeMap<>(PROBE).forEach((k, v) -> b.append("\\nSTORECPU ").append(k).append(' ').append(v[0].sum()).append(' ').append(v[1].sum()).append(' ').append(v[2].sum() / 1_000_000));
                System.out.println(b);
            }
        }, "probe");
        t.setDaemon(true); t.start();
    }

    /** The pipeline the driver's {@code countDocuments} sends"""
assert old in s
s=s.replace(old,new,1)
open(p,'w').write(s)
