package org.gongshi.server.embedded;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * mongo-java-server's H2 backend with authentication, which mongo-java-server itself does not have
 * (1.47.0 accepts every command from anyone who can connect). A connection must first authenticate
 * with SCRAM-SHA-256 (RFC 7677, as MongoDB does it: {@code saslStart}/{@code saslContinue} against
 * the {@code admin} database) as the one configured user; until it has, every command but the
 * handshake ({@code hello}/{@code isMaster}) and the SASL conversation is refused with MongoDB's
 * error 13 (Unauthorized). The password is never stored: only the salted SCRAM keys, derived at start.
 */
public class AuthenticatingMongoBackend extends CrashConsistentH2Backend {

    static final int ITERATIONS = 15_000;
    static final int UNAUTHORIZED = 13, AUTHENTICATION_FAILED = 18;
    static final String MECHANISM = "SCRAM-SHA-256";
    private static final Set<String> OPEN = Set.of("hello", "ismaster", "saslstart", "saslcontinue");

    private final String user;
    private final byte[] salt = new byte[28];
    private final byte[] storedKey;
    private final byte[] serverKey;
    private final SecureRandom random = new SecureRandom();
    private final Map<Channel, Conversation> conversations = new ConcurrentHashMap<>();
    private final Set<Channel> authenticated = ConcurrentHashMap.newKeySet();

    public AuthenticatingMongoBackend(Path file, Duration checkpointInterval, MongoCredentials credentials) {
        super(file, checkpointInterval);
        this.user = credentials.user();
        random.nextBytes(salt);
        byte[] salted = pbkdf2(credentials.password(), salt);
        this.storedKey = sha256(hmac(salted, "Client Key"));
        this.serverKey = hmac(salted, "Server Key");
    }

    private record Conversation(String clientFirstBare, String serverFirst, String nonce) {}

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (name.equals("saslstart")) return saslStart(channel, query);
        if (name.equals("saslcontinue")) return saslContinue(channel, query);
        if (!OPEN.contains(name)) requireAuthenticated(channel, command);
        return super.handleCommand(channel, database, command, query);
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        requireAuthenticated(query.getChannel(), "query");
        return super.handleQuery(query);
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        requireAuthenticated(query.getChannel(), "currentOp");
        return super.getCurrentOperations(query);
    }

    @Override
    public void handleClose(Channel channel) {
        authenticated.remove(channel);
        conversations.remove(channel);
        super.handleClose(channel);
    }

    private void requireAuthenticated(Channel channel, String command) {
        if (!authenticated.contains(channel)) {
            throw new MongoServerError(UNAUTHORIZED, "Unauthorized", "command " + command + " requires authentication");
        }
    }

    private Document saslStart(Channel channel, Document query) {
        if (!MECHANISM.equals(query.get("mechanism"))) {
            throw failed("mechanism " + query.get("mechanism") + " is not supported; use " + MECHANISM);
        }
        String clientFirst = text(query.get("payload"));
        if (!clientFirst.startsWith("n,,")) throw failed("channel binding is not supported");
        String bare = clientFirst.substring(3);
        String name = attribute(bare, "n"), clientNonce = attribute(bare, "r");
        if (!user.equals(name) || clientNonce == null || clientNonce.isEmpty()) {
            // the same answer for an unknown user as for a wrong password, after the proof
            throw failed("Authentication failed.");
        }
        byte[] serverNonce = new byte[24];
        random.nextBytes(serverNonce);
        String nonce = clientNonce + Base64.getEncoder().encodeToString(serverNonce);
        String serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(salt) + ",i=" + ITERATIONS;
        conversations.put(channel, new Conversation(bare, serverFirst, nonce));
        authenticated.remove(channel);
        return reply(false, serverFirst);
    }

    private Document saslContinue(Channel channel, Document query) {
        Conversation conversation = conversations.get(channel);
        if (conversation == null) {
            if (authenticated.contains(channel)) return reply(true, ""); // the client's closing empty step
            throw failed("no SASL conversation is open on this connection");
        }
        conversations.remove(channel);
        String clientFinal = text(query.get("payload"));
        int proofAt = clientFinal.lastIndexOf(",p=");
        if (proofAt < 0) throw failed("Authentication failed.");
        String withoutProof = clientFinal.substring(0, proofAt);
        if (!conversation.nonce().equals(attribute(withoutProof, "r")) || !"biws".equals(attribute(withoutProof, "c"))) {
            throw failed("Authentication failed.");
        }
        byte[] proof;
        try {
            proof = Base64.getDecoder().decode(clientFinal.substring(proofAt + 3));
        } catch (IllegalArgumentException e) {
            throw failed("Authentication failed.");
        }
        String authMessage = conversation.clientFirstBare() + "," + conversation.serverFirst() + "," + withoutProof;
        byte[] signature = hmac(storedKey, authMessage);
        if (proof.length != signature.length) throw failed("Authentication failed.");
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) clientKey[i] = (byte) (proof[i] ^ signature[i]);
        if (!MessageDigest.isEqual(sha256(clientKey), storedKey)) throw failed("Authentication failed.");
        authenticated.add(channel);
        return reply(true, "v=" + Base64.getEncoder().encodeToString(hmac(serverKey, authMessage)));
    }

    private static Document reply(boolean done, String payload) {
        Document reply = new Document();
        reply.put("conversationId", 1);
        reply.put("done", done);
        reply.put("payload", new BinData(payload.getBytes(StandardCharsets.UTF_8)));
        reply.put("ok", 1.0);
        return reply;
    }

    private static MongoServerError failed(String message) {
        return new MongoServerError(AUTHENTICATION_FAILED, "AuthenticationFailed", message);
    }

    private static String text(Object payload) {
        if (payload instanceof BinData bin) return new String(bin.getData(), StandardCharsets.UTF_8);
        if (payload instanceof byte[] bytes) return new String(bytes, StandardCharsets.UTF_8);
        if (payload instanceof String s) return s;
        throw failed("the SASL payload is missing");
    }

    /** The value of {@code key=} in a SCRAM message (attributes separated by commas). */
    private static String attribute(String message, String key) {
        for (String part : message.split(",")) {
            if (part.startsWith(key + "=")) return part.substring(key.length() + 1);
        }
        return null;
    }

    private static byte[] pbkdf2(String password, byte[] salt) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
