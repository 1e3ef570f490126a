package org.gongshi.server.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;

/**
 * The embedded MongoDB's documents stored as BSON, the form they arrive and leave in, with mongo-java-server's own
 * encoder and decoder. Its H2 backend stores them with Java serialisation (H2's default for an object it does not
 * know), which with the reads back was the largest share of the embedded server's samples in a rebuild (issue 13).
 * Values only: documents are never compared. Memory is estimated, as H2 does for serialised objects, by a running
 * average of the encoded sizes.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    private volatile int averageSize = 1024;

    private BsonDocumentType() {
    }

    @Override
    public int getMemory(Document document) {
        return averageSize;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf encoded = Unpooled.buffer(averageSize + 64);
        BsonEncoder.encodeDocument(document, encoded);
        int size = encoded.readableBytes();
        buffer.put(encoded.nioBuffer());
        averageSize = (size + 15 * averageSize) / 16;
    }

    @Override
    public Document read(ByteBuffer buffer) {
        int start = buffer.position();
        int size = Integer.reverseBytes(buffer.getInt(start)); // BSON's length prefix, little-endian, counts itself
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buffer.duplicate().limit(start + size)));
        buffer.position(start + size);
        return document;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    @Override
    public int compare(Document a, Document b) {
        throw new UnsupportedOperationException("documents are values, never keys");
    }
}
