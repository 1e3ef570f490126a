package org.gongshi.server.embedded;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.StringDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The index keys' type writes and reads exactly H2's string bytes, so data directories written before read the same. */
class IndexKeyTypeTest {

    /** Keys of every kind an index holds: ASCII, CJK, complemented (descending) characters, surrogates paired and alone, NUL. */
    private static List<String> keys() {
        List<String> keys = new ArrayList<>(List.of("", "a", "3:11|华信", "\u0000", "\uD83D\uDE00", "\uD800", "\uDFFF x",
                "\u007F\u0080\u07FF\u0800\uFFFF", descendingKey("2025-10-17"), descendingKey("华信 — 知识产权")));
        Random random = new Random(7);
        char[][] ranges = {{0x20, 0x7e}, {0x80, 0x7ff}, {0x4e00, 0x9fff}, {0xd800, 0xdfff}, {0x6000, 0xffff}, {0, 0xffff}};
        for (int i = 0; i < 2_000; i++) {
            StringBuilder key = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                char[] range = ranges[random.nextInt(ranges.length)];
                key.append((char) (range[0] + random.nextInt(range[1] - range[0] + 1)));
            }
            keys.add(key.toString());
        }
        return keys;
    }

    private static String descendingKey(String value) {
        StringBuilder key = new StringBuilder();
        OrderedKey.append(key, value, false);
        return key.toString();
    }

    private static byte[] written(StringDataType type, String key) {
        WriteBuffer buffer = new WriteBuffer(16);
        type.write(buffer, key);
        ByteBuffer written = buffer.getBuffer().flip();
        byte[] bytes = new byte[written.remaining()];
        written.get(bytes);
        return bytes;
    }

    @Test
    void writesH2sOwnBytesAndReadsThemBack() {
        for (String key : keys()) {
            byte[] ours = written(IndexKeyType.INSTANCE, key);
            assertThat(ours).as("key %s", key.chars().mapToObj(Integer::toHexString).toList()).isEqualTo(written(StringDataType.INSTANCE, key));
            // read back from within a larger page, as H2 reads a page's keys one after another
            ByteBuffer page = ByteBuffer.allocate(ours.length + 8);
            page.put((byte) 1).put(ours).put((byte) 2).flip().position(1);
            assertThat(IndexKeyType.INSTANCE.read(page)).isEqualTo(key);
            assertThat(page.get()).isEqualTo((byte) 2);
            assertThat(IndexKeyType.INSTANCE.read(ByteBuffer.allocateDirect(ours.length).put(ours).flip())).isEqualTo(key); // no backing array
        }
    }

    @Test
    void aKeyCutOffIsRefused() {
        byte[] bytes = written(IndexKeyType.INSTANCE, "华信华信");
        ByteBuffer cut = ByteBuffer.wrap(bytes, 0, bytes.length - 2).slice();
        assertThatThrownBy(() -> IndexKeyType.INSTANCE.read(cut)).isInstanceOf(BufferUnderflowException.class);
    }

    @Test
    void aMapWrittenWithH2sTypeOpensWithThisOneInTheSameOrder(@TempDir Path dir) {
        String file = dir.resolve("keys.mv").toString();
        TreeMap<String, Integer> expected = new TreeMap<>();
        try (MVStore store = new MVStore.Builder().fileName(file).open()) {
            MVMap<String, Integer> map = store.openMap("index", new MVMap.Builder<String, Integer>().keyType(StringDataType.INSTANCE));
            int i = 0;
            for (String key : keys()) {
                map.put(key, i);
                expected.put(key, i++);
            }
        }
        try (MVStore store = new MVStore.Builder().fileName(file).open()) {
            MVMap<String, Integer> map = store.openMap("index", new MVMap.Builder<String, Integer>().keyType(IndexKeyType.INSTANCE));
            assertThat(new ArrayList<>(map.entrySet())).containsExactlyElementsOf(new ArrayList<>(expected.entrySet()));
            map.put("added", -1); // and written back with this type, H2's reads it
        }
        try (MVStore store = new MVStore.Builder().fileName(file).open()) {
            MVMap<String, Integer> map = store.openMap("index", new MVMap.Builder<String, Integer>().keyType(StringDataType.INSTANCE));
            expected.put("added", -1);
            assertThat(new ArrayList<>(map.entrySet())).containsExactlyElementsOf(new ArrayList<>(expected.entrySet()));
        }
    }
}
