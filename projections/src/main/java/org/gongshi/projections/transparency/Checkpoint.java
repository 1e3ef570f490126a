package org.gongshi.projections.transparency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A C2SP {@code tlog-checkpoint} body: the log's tree head as the text of a signed note.
 *
 * <pre>
 * &lt;origin&gt;
 * &lt;tree size, decimal, no leading zeroes&gt;
 * &lt;base64 root hash&gt;
 * [extension lines, each non-empty]
 * </pre>
 *
 * Every line ends with a newline. By convention the signing key's name equals the origin. The ledger
 * signs its tree head's time as the extension line {@code timestamp <milliseconds since the epoch>},
 * so the signature covers it; readers that do not know the line ignore it, as C2SP allows.
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

    public Checkpoint {
        if (origin == null || origin.isEmpty() || origin.indexOf('\n') >= 0 || !NoteFormat.noControlCharacters(origin)) {
            throw new IllegalArgumentException("checkpoint origin must be a non-empty line without control characters");
        }
        if (size < 0) {
            throw new IllegalArgumentException("checkpoint tree size must be >= 0, was " + size);
        }
        if (rootHash == null || rootHash.length != Rfc6962.HASH_SIZE) {
            throw new IllegalArgumentException("checkpoint root hash must be " + Rfc6962.HASH_SIZE + " bytes");
        }
        rootHash = rootHash.clone();
        extensions = List.copyOf(extensions == null ? List.of() : extensions);
        for (String line : extensions) {
            if (line.isEmpty() || line.indexOf('\n') >= 0 || !NoteFormat.noControlCharacters(line)) {
                throw new IllegalArgumentException("checkpoint extension lines must be non-empty single lines");
            }
        }
    }

    /** The extension line that carries the head's time: {@value} followed by epoch milliseconds. */
    public static final String TIMESTAMP_EXTENSION = "timestamp ";

    public Checkpoint(String origin, long size, byte[] rootHash) {
        this(origin, size, rootHash, List.of());
    }

    /** A checkpoint whose signed body carries {@code timestamp} (to the millisecond) as an extension line. */
    public static Checkpoint timestamped(String origin, long size, byte[] rootHash, Instant timestamp) {
        return new Checkpoint(origin, size, rootHash, List.of(TIMESTAMP_EXTENSION + timestamp.toEpochMilli()));
    }

    /**
     * The time of the {@code timestamp} extension line, if there is one.
     *
     * @throws IllegalArgumentException if the line is there but not a decimal number of milliseconds
     */
    public Optional<Instant> timestamp() {
        for (String line : extensions) {
            if (line.startsWith(TIMESTAMP_EXTENSION)) {
                String millis = line.substring(TIMESTAMP_EXTENSION.length());
                if (!millis.matches("0|[1-9][0-9]{0,17}")) {
                    throw new IllegalArgumentException("malformed checkpoint: timestamp \"" + millis
                            + "\" is not a decimal number of milliseconds");
                }
                return Optional.of(Instant.ofEpochMilli(Long.parseLong(millis)));
            }
        }
        return Optional.empty();
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The note text: {@code origin\nsize\nbase64(root)\n} plus any extension lines. */
    public String body() {
        StringBuilder b = new StringBuilder(origin.length() + 80)
                .append(origin).append('\n')
                .append(size).append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
        for (String line : extensions) {
            b.append(line).append('\n');
        }
        return b.toString();
    }

    /** The signed note of this checkpoint. */
    public String sign(NoteSigner signer) {
        return signer.sign(body());
    }

    /**
     * Parses a checkpoint body (the text of an opened note).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Checkpoint parse(String body) {
        Objects.requireNonNull(body, "body");
        if (!body.endsWith("\n")) {
            throw new IllegalArgumentException("malformed checkpoint: the body must end with a newline");
        }
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new IllegalArgumentException("malformed checkpoint: needs origin, tree size and root hash lines");
        }
        for (String line : lines) {
            if (line.isEmpty()) {
                throw new IllegalArgumentException("malformed checkpoint: empty line");
            }
        }
        String sizeLine = lines[1];
        if (!sizeLine.matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("malformed checkpoint: tree size \"" + sizeLine
                    + "\" is not a decimal without leading zeroes");
        }
        long size;
        try {
            size = Long.parseLong(sizeLine);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("malformed checkpoint: tree size " + sizeLine + " is too large");
        }
        byte[] root = NoteFormat.decodeBase64(lines[2]);
        if (root == null || root.length != Rfc6962.HASH_SIZE
                || !Base64.getEncoder().encodeToString(root).equals(lines[2])) {
            throw new IllegalArgumentException("malformed checkpoint: root hash \"" + lines[2]
                    + "\" is not the base64 of " + Rfc6962.HASH_SIZE + " bytes");
        }
        List<String> ext = new ArrayList<>(Arrays.asList(lines).subList(3, lines.length));
        return new Checkpoint(lines[0], size, root, ext);
    }

    /**
     * Opens a signed checkpoint note with the known verifier keys and parses its body.
     *
     * @throws NoteVerifier.InvalidNoteException if the signatures do not check out
     * @throws IllegalArgumentException          if the body is not a checkpoint
     */
    public static Checkpoint open(String signedNote, Collection<NoteVerifier> known) {
        return parse(NoteVerifier.open(signedNote, known));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c && c.size == size && c.origin.equals(origin)
                && Arrays.equals(c.rootHash, rootHash) && c.extensions.equals(extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(rootHash), extensions);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + ", " + size + ", " + HexFormat.of().formatHex(rootHash) + ", " + extensions + "]";
    }
}
