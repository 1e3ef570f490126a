public class KeyBench {
    static int viaCharAt(String key, byte[] out) {
        int length = key.length(); int n = 0;
        for (int i = 0; i < length; i++) { char c = key.charAt(i);
            if (c < 0x80) out[n++] = (byte) c; else if (c >= 0x800) { out[n++] = (byte) (0xe0 | (c >> 12)); out[n++] = (byte) ((c >> 6) & 0x3f); out[n++] = (byte) (c & 0x3f); } else { out[n++] = (byte) (0xc0 | (c >> 6)); out[n++] = (byte) (c & 0x3f); } }
        return n; }
    static int viaArray(String key, byte[] out) {
        char[] chars = key.toCharArray(); int n = 0;
        for (char c : chars) {
            if (c < 0x80) out[n++] = (byte) c; else if (c >= 0x800) { out[n++] = (byte) (0xe0 | (c >> 12)); out[n++] = (byte) ((c >> 6) & 0x3f); out[n++] = (byte) (c & 0x3f); } else { out[n++] = (byte) (0xc0 | (c >> 6)); out[n++] = (byte) (c & 0x3f); } }
        return n; }
    public static void main(String[] a) {
        String[] keys = new String[1000];
        for (int i = 0; i < keys.length; i++) keys[i] = (i % 2 == 0 ? "110105\u0000北京市朝阳区星辰科技有限公司" : "public_records\u0000") + i + "\u00002026-03-0" + (i % 9);
        byte[] out = new byte[1000];
        for (int round = 0; round < 6; round++) {
            long t = System.nanoTime(); long s = 0;
            for (int r = 0; r < 2000; r++) for (String k : keys) s += viaCharAt(k, out);
            long t2 = System.nanoTime();
            for (int r = 0; r < 2000; r++) for (String k : keys) s += viaArray(k, out);
            long t3 = System.nanoTime();
            System.out.printf("charAt %d ms, toCharArray %d ms (%d)%n", (t2 - t) / 1000000, (t3 - t2) / 1000000, s);
        }
    }
}
