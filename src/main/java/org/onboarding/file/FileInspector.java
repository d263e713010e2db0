package org.onboarding.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.onboarding.feed.FileLimits;
import org.onboarding.pii.PiiText;
import org.springframework.stereotype.Component;

/**
 * Reads a customer file completely before the job may touch the database, in one pass through the
 * parser: its SHA-256, every byte against the charset (a bad byte refuses the file, never a silently
 * replaced character in a customer's name), its CSV structure (a stray or unclosed quote refuses the
 * file rather than swallowing the rows after it) and the feed's limits on records, cells and columns.
 * Only a file refused for a bad byte is read a second time, to name the byte's offset.
 */
@Component
public class FileInspector {

    private static final int BUFFER = 1 << 16;

    public FileInspection inspect(Path path, Charset charset, FileLimits limits) {
        Path file = path.toAbsolutePath().normalize();
        if (!Files.exists(file)) {
            throw new UnimportableFileException(path, "no such file");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UnimportableFileException(path, "not a readable file");
        }
        try {
            long modified = Files.getLastModifiedTime(file).toMillis();
            long bytes = Files.size(file);
            if (bytes == 0) {
                throw new UnimportableFileException(path, "the file is empty (0 bytes)");
            }
            try {
                return checkStructure(path, file, charset, limits, bytes, modified);
            } catch (UnimportableFileException refused) {
                // The parse names a bad byte's line alone; the byte pass also names its offset, and the remedy.
                if (refused.getCause() instanceof CharacterCodingException) {
                    checkBytes(path, file, charset);
                }
                throw refused;
            }
        } catch (IOException e) {
            throw new UnimportableFileException(path, "cannot be read: " + e.getMessage());
        }
    }

    /** A pass over the bytes alone, for a file the parse found a bad byte in: refuses it at that byte. */
    private void checkBytes(Path shown, Path file, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(BUFFER);
        CharBuffer out = CharBuffer.allocate(BUFFER);
        long consumed = 0;
        long line = 1;
        try (InputStream stream = Files.newInputStream(file)) {
            boolean end = false;
            while (!end) {
                int read = stream.read(in.array(), in.position(), in.remaining());
                end = read < 0;
                if (read > 0) {
                    in.position(in.position() + read);
                }
                in.flip();
                CoderResult result;
                do {
                    int before = in.position();
                    result = decoder.decode(in, out, end);
                    out.flip();
                    line += countLineBreaks(out);
                    out.clear();
                    consumed += in.position() - before;
                    if (result.isError()) {
                        throw new UnimportableFileException(shown, PiiText.line(line) + ", byte offset "
                                + String.format("%,d", consumed) + ": bytes not valid in " + charset.name()
                                + " (name the file's charset with --encoding or in the feed, e.g. windows-1252)");
                    }
                } while (result.isOverflow());
                in.compact();
            }
            decoder.flush(out);
        }
    }

    private static long countLineBreaks(CharBuffer chars) {
        long breaks = 0;
        for (int i = chars.position(); i < chars.limit(); i++) {
            if (chars.get(i) == '\n') {
                breaks++;
            }
        }
        return breaks;
    }

    /**
     * One pass through the parser, its bytes read through the digest: the header, the record count, any
     * byte invalid in the charset, any malformed record or one over a limit, and the SHA-256.
     */
    private FileInspection checkStructure(Path shown, Path file, Charset charset, FileLimits limits, long bytes,
            long modified) throws IOException {
        MessageDigest digest = sha256();
        DigestInputStream digested = new DigestInputStream(Files.newInputStream(file), digest);
        try (CustomerRecords records = CustomerCsv.open(shown, digested, charset, limits, FilePosition.START)) {
            CustomerRecord header = records.header();
            if (header == null) {
                throw new UnimportableFileException(shown, "the file has no header line");
            }
            long count = 0;
            while (records.next() != null) {
                count++;
            }
            // The parser read to the end of the file; anything its buffers left unread is digested too.
            digested.transferTo(OutputStream.nullOutputStream());
            return new FileInspection(file, HexFormat.of().formatHex(digest.digest()), charset, bytes, count,
                    header.cells(), modified);
        }
    }

    /**
     * The hex SHA-256 of a file's bytes, as an inspection records it: for a process that reads a file
     * another inspected (a worker of a remote import) and must know it is the same content.
     */
    public static String sha256Of(Path file) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[BUFFER];
        try (InputStream stream = Files.newInputStream(file)) {
            for (int read = stream.read(buffer); read >= 0; read = stream.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
