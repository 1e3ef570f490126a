package org.gongshi.server.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.LongAdder;

/**
 * The embedded MongoDB's documents stored as BSON, the form they arrive and leave in, with mongo-java-server's own
 * encoder and decoder ({@link #encode}, {@link #decode}). Its H2 backend stores them with Java serialisation (H2's
 * default for an object it does not know), which with the reads back was the largest share of the embedded server's
 * samples in a rebuild (issue 13).
 *
 * <p>The map's values are the encoded bytes, and a document is decoded only when it is read
 * ({@code IndexedH2Collection#getDocument}): H2 reads and caches a whole page of values at a time, and decoded documents
 * cost the page cache and the young collections several times their size. A public search for a name within a province
 * at 1,000,000 records read about 220 documents, decoded their page-mates too, and the objects that survived in the cache
 * made the young pauses of 40-170 ms that were its p99 (issue 13). Encoded once, when a document is written, not again
 * at each checkpoint for every document of a page that changed. Values only: never compared. The file holds the same
 * bytes as when the values were documents: a store written then opens unchanged.
 */
final class BsonBytesType extends BasicDataType<byte[]> {

    static final BsonBytesType INSTANCE = new BsonBytesType();

    private static final LongAdder DECODED = new LongAdder();

    private BsonBytesType() {
    }

    /** How many documents were decoded since the start, in every store of this process (tests). */
    static long decoded() {
        return DECODED.sum();
    }

    /** A document as BSON. */
    static byte[] encode(Document document) {
        ByteBuf encoded = Unpooled.buffer(1024);
        BsonEncoder.encodeDocument(document, encoded);
        return ByteBufUtil.getBytes(encoded);
    }

    /** The document of {@link #encode}'s bytes: a new instance at each call, which no other reader holds. */
    static Document decode(byte[] bson) {
        DECODED.increment();
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public int getMemory(byte[] bson) {
        return bson.length + 16;
    }

    @Override
    public void write(WriteBuffer buffer, byte[] bson) {
        buffer.put(bson);
    }

    @Override
    public byte[] read(ByteBuffer buffer) {
        int size = Integer.reverseBytes(buffer.getInt(buffer.position())); // BSON's length prefix, little-endian, counts itself
        byte[] bson = new byte[size];
        buffer.get(bson);
        return bson;
    }

    @Override
    public byte[][] createStorage(int size) {
        return new byte[size][];
    }

    @Override
    public int compare(byte[] a, byte[] b) {
        throw new UnsupportedOperationException("documents are values, never keys");
    }
}
