import org.h2.mvstore.*;
public class Stat {
  public static void main(String[] a) throws Exception {
    long t=System.nanoTime();
    MVStore s = new MVStore.Builder().fileName(a[0]).readOnly().open();
    FileStore f = s.getFileStore();
    System.out.println("open ms " + (System.nanoTime()-t)/1000000);
    System.out.println("size " + f.size() + " fillRate " + f.getFillRate() + " chunksFillRate " + f.getChunksFillRate());
    f.populateInfo((k,v) -> System.out.println("  " + k + " = " + v));
    s.close();
  }
}
