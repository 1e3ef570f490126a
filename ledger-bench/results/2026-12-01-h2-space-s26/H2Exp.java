import java.sql.*; import java.nio.file.*; import java.util.*;
import org.h2.jdbc.JdbcConnection; import org.h2.engine.SessionLocal; import org.h2.mvstore.MVStore;
public class H2Exp {
  public static void main(String[] a) throws Exception {
    String dir = a[0]; int n = Integer.parseInt(a[1]); int every = Integer.parseInt(a[2]); String extra = a.length>3? a[3] : "";
    int batch = a.length>4? Integer.parseInt(a[4]) : 1;
    Path p = Path.of(dir); Files.createDirectories(p);
    String url = "jdbc:h2:file:" + p.resolve("ledger") + ";WRITE_DELAY=1000" + extra;
    byte[] payload = new byte[700]; new Random(7).nextBytes(payload);
    for (int i=0;i<payload.length;i++) payload[i] = (byte)('a' + (payload[i]&15));
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      c.createStatement().execute("CREATE TABLE IF NOT EXISTS domain_event_entry (global_index BIGINT PRIMARY KEY, event_identifier VARCHAR(255) NOT NULL UNIQUE, meta_data BLOB, payload BLOB NOT NULL, payload_revision VARCHAR(255), payload_type VARCHAR(255) NOT NULL, time_stamp VARCHAR(255) NOT NULL, aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL, type VARCHAR(255), UNIQUE (aggregate_identifier, sequence_number))");
      c.setAutoCommit(false);
      MVStore store = ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore().getMvStore();
      PreparedStatement ins = c.prepareStatement("INSERT INTO domain_event_entry VALUES (?,?,?,?,?,?,?,?,?,?)");
      String agg = UUID.randomUUID().toString(); long t0 = System.nanoTime(); long maxPause = 0, totalPause = 0; int compactions = 0;
      for (int i = 1; i <= n; i++) {
        if (i % 5 == 1) agg = UUID.randomUUID().toString();
        ins.setLong(1, i); ins.setString(2, UUID.randomUUID().toString()); ins.setBytes(3, "{\"actor\":\"officer\",\"bureau\":\"91110000600037341L\"}".getBytes());
        ins.setBytes(4, payload); ins.setString(5, null); ins.setString(6, "org.gongshi.ledger.cases.CaseFiled"); ins.setString(7, "2026-11-29T20:00:00Z");
        ins.setString(8, agg); ins.setLong(9, i % 5); ins.setString(10, "Case"); ins.executeUpdate();
        if (i % batch == 0) { c.commit(); store.commit(); }
        if (every > 0 && i % every == 0) {
          long s = System.nanoTime();
          int ret = store.getRetentionTime();
          store.setReuseSpace(true);
          try { store.compactFile(Integer.getInteger("ms", 50)); 
          } finally { store.setReuseSpace(false); store.setRetentionTime(ret); }
          long d = System.nanoTime() - s; maxPause = Math.max(maxPause, d); totalPause += d; compactions++;
        }
        if (i % (n/10) == 0) System.out.printf("%d events: file %.0f B/event, fill %d%%, %.0f ev/s%n", i, Files.size(p.resolve("ledger.mv.db"))/(double)i, store.getFillRate(), i/((System.nanoTime()-t0)/1e9));
      }
      System.out.printf("compactions %d, max pause %.1f ms, mean %.1f ms%n", compactions, maxPause/1e6, compactions==0?0:totalPause/1e6/compactions);
    }
    System.out.printf("after close: %.0f B/event%n", Files.size(p.resolve("ledger.mv.db"))/(double)n);
  }
}
