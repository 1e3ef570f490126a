import java.sql.*;
public class H2FileSystems {
  // alternating file: / retry: ; each: 10,000 one-row commits of ~1.5 KB, then reopen (cold) and read all rows 3 times
  public static void main(String[] a) throws Exception {
    String settings = ";WRITE_DELAY=1000;PAGE_SIZE=2048;RETENTION_TIME=2000;DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=4096";
    String v = "处罚决定书".repeat(100);
    for (int round = 0; round < 20; round++) for (String fs : (round % 2 == 0 ? new String[]{"retry:", "file:"} : new String[]{"file:", "retry:"})) {
      String path = "/tmp/h2fs-" + fs.replace(":", "") + round;
      new java.io.File(path + ".mv.db").delete();
      String url = "jdbc:h2:" + fs + path + settings;
      long t0 = System.nanoTime();
      try (Connection c = DriverManager.getConnection(url, "sa", "")) {
        c.createStatement().execute("CREATE TABLE T(ID BIGINT AUTO_INCREMENT PRIMARY KEY, V VARCHAR(4000))");
        PreparedStatement p = c.prepareStatement("INSERT INTO T(V) VALUES(?)");
        for (int i = 0; i < 10000; i++) { p.setString(1, v + i); p.executeUpdate(); }
      }
      long t1 = System.nanoTime();
      long n = 0;
      try (Connection c = DriverManager.getConnection(url, "sa", "")) {
        for (int k = 0; k < 3; k++) try (ResultSet r = c.createStatement().executeQuery("SELECT V FROM T")) { while (r.next()) { r.getString(1); n++; } }
      }
      long t2 = System.nanoTime();
      System.out.printf("round %d %-7s appends %6.0f /s   reads %7.0f rows/s%n", round, fs, 10000 / ((t1 - t0) / 1e9), n / ((t2 - t1) / 1e9));
      new java.io.File(path + ".mv.db").delete();
    }
  }
}
