import java.sql.*;
public class Close {
  public static void main(String[] a) throws Exception {
    long t = System.nanoTime();
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + a[0] + a[1], "gongshi", "")) {
      ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM DomainEventEntry"); r.next(); System.out.println("events " + r.getLong(1));
      if (a.length > 2) c.createStatement().execute(a[2]);
    }
    System.out.printf("closed in %d ms%n", (System.nanoTime() - t) / 1_000_000);
  }
}
