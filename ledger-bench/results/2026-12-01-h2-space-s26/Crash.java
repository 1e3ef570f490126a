import java.sql.*; import java.nio.file.*; import java.util.*;
import org.h2.jdbc.JdbcConnection; import org.h2.engine.SessionLocal; import org.h2.mvstore.MVStore;
public class Crash {
  static final boolean FLUSH = Boolean.getBoolean("flush"); static final boolean HEADER = Boolean.getBoolean("header"); static java.lang.reflect.Method W;
  public static void main(String[] a) throws Exception {
    String url = "jdbc:h2:file:" + a[1] + a[2];
    byte[] payload = new byte[700]; new Random(7).nextBytes(payload);
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      c.createStatement().execute("CREATE TABLE IF NOT EXISTS domain_event_entry (global_index BIGINT PRIMARY KEY, event_identifier VARCHAR(255) NOT NULL UNIQUE, meta_data BLOB, payload BLOB NOT NULL, aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL, UNIQUE (aggregate_identifier, sequence_number))");
      ResultSet r = c.createStatement().executeQuery("SELECT COALESCE(MAX(global_index),0) FROM domain_event_entry"); r.next(); long max = r.getLong(1);
      if (a[0].equals("check")) { System.out.println(max); return; }
      c.setAutoCommit(false);
      MVStore store = ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore().getMvStore();
      PreparedStatement ins = c.prepareStatement("INSERT INTO domain_event_entry VALUES (?,?,?,?,?,?)");
      String agg = null;
      for (long i = max + 1; ; i++) {
        if (agg == null || i % 5 == 0) agg = UUID.randomUUID().toString();
        ins.setLong(1, i); ins.setString(2, UUID.randomUUID().toString()); ins.setBytes(3, "{}".getBytes()); ins.setBytes(4, payload);
        ins.setString(5, agg); ins.setLong(6, i % 5); ins.executeUpdate(); c.commit(); store.commit(); if (FLUSH) store.executeFilestoreOperation(() -> {}); if (HEADER) { if (W == null) { W = org.h2.mvstore.RandomAccessStore.class.getDeclaredMethod("writeStoreHeader"); W.setAccessible(true);} W.invoke(store.getFileStore()); }
        System.out.println(i); 
        // periodically update a row to create garbage like token updates
      }
    }
  }
}
