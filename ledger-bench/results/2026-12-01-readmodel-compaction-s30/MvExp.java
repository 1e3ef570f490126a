import org.h2.mvstore.*;
import java.nio.file.*;
import java.util.*;
public class MvExp {
  static java.lang.reflect.Field F;
  static long wb(MVStore s) throws Exception { if (F == null) { F = org.h2.mvstore.FileStore.class.getDeclaredField("writeBytes"); F.setAccessible(true);} return ((java.util.concurrent.atomic.AtomicLong) F.get(s.getFileStore())).get(); }
  public static void main(String[] a) throws Exception {
    String file = a[0]; int records = Integer.parseInt(a[1]); int perCommit = Integer.parseInt(a[2]);
    String policy = a[3]; // old | new:FILL
    Files.deleteIfExists(Path.of(file));
    MVStore s = new MVStore.Builder().fileName(file).autoCommitDisabled().autoCommitBufferSize(0).cacheSize(64).pageSplitSize(Integer.getInteger("split", 4096)).open();
    if (a.length > 4) s.setRetentionTime(Integer.parseInt(a[4]));
    MVMap<String, byte[]> docs = s.openMap("docs");
    List<MVMap<String,String>> idx = new ArrayList<>();
    for (int i = 0; i < 6; i++) idx.add(s.openMap("idx" + i));
    Random r = new Random(1); byte[] body = new byte[2500]; r.nextBytes(body);
    long t0 = System.nanoTime(); int commits = 0; long pauseMax = 0, pauseSum = 0;
    for (int n = 0; n < records; n++) {
      String id = UUID.randomUUID().toString();
      docs.put(id, body.clone());
      for (int i = 0; i < idx.size(); i++) for (int k = 0; k < (i == 0 ? 8 : 1); k++) idx.get(i).put(Integer.toString(r.nextInt(1 << 20), 36) + ":" + id, id);
      // updates of older docs, as projections do
      if (n > 100) { String any = docs.ceilingKey(UUID.randomUUID().toString()); if (any != null) docs.put(any, body.clone()); }
      if ((n + 1) % perCommit == 0) {
        long c0 = System.nanoTime();
        long before = wb(s); long unsaved = s.getUnsavedMemory();
        s.commit(); commits++; if (System.getProperty("drop") != null) s.getFileStore().dropUnusedChunks();
        long written = Boolean.getBoolean("unsaved") ? unsaved : wb(s) - before; if (commits % 40 == 0) System.out.println("unsaved " + unsaved + " written " + (wb(s) - before));
        if (policy.equals("old")) { if (commits % 300 == 0) s.compact(50, 16 * 1024 * 1024); }
        else if (policy.startsWith("new:")) {
          int fill = Integer.parseInt(policy.substring(4));
          if (s.getFileStore().getChunksFillRate() < fill) s.compact(fill, (int) Math.max(written, 1 << 20));
        }
        long p = System.nanoTime() - c0; pauseMax = Math.max(pauseMax, p); pauseSum += p;
      }
      if ((n + 1) % (records / 5) == 0)
        System.out.printf("%d records: file %.1f MB (%.1f KB/record) chunksFill %d%% fill %d%% avg pause %.1f ms max %.1f ms, %.0f rec/s%n", n + 1,
          s.getFileStore().size() / 1e6, s.getFileStore().size() / 1024.0 / (n + 1), s.getFileStore().getChunksFillRate(), s.getFileStore().getFillRate(),
          pauseSum / 1e6 / commits, pauseMax / 1e6, (n + 1) / ((System.nanoTime() - t0) / 1e9));
    }
    s.close();
    System.out.printf("closed: %.1f MB%n", Files.size(Path.of(file)) / 1e6);
  }
}
