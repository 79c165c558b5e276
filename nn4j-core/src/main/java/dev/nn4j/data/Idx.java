package dev.nn4j.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files (the MNIST format), raw or gzip-compressed: a magic number giving the element type (only
 * unsigned bytes, 0x08, are used by (Fashion-)MNIST) and the number of dims, the dims, then the data.
 */
public final class Idx {
    private Idx() {}

    /** Dimensions and unsigned-byte data of an IDX file. */
    public record Contents(int[] dims, byte[] data) {}

    public static Contents read(Path path) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(path))) {
            raw.mark(2);
            int b0 = raw.read(), b1 = raw.read();
            raw.reset();
            InputStream in = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(raw, 1 << 16) : raw;
            DataInputStream d = new DataInputStream(new BufferedInputStream(in, 1 << 16));
            int magic;
            try {
                magic = d.readInt();
            } catch (EOFException e) {
                throw new IllegalArgumentException(path + (in == raw ? ": not an IDX file (truncated?): shorter than its 4-byte magic number"
                        : ": truncated: the gzip stream ends before the 4-byte magic number"));
            }
            int type = (magic >> 8) & 0xff, ndim = magic & 0xff;
            if ((magic >>> 16) != 0 || type != 0x08 || ndim < 1 || ndim > 4) {
                throw new IllegalArgumentException(path + ": not an unsigned-byte IDX file (magic number 0x" + Integer.toHexString(magic)
                        + ", expected 0x0000080N with N = 1..4 dimensions)");
            }
            int[] dims = new int[ndim];
            long total = 1;
            for (int i = 0; i < ndim; i++) {
                try {
                    dims[i] = d.readInt();
                } catch (EOFException e) {
                    throw new IllegalArgumentException(path + ": truncated: the header ends before its " + ndim + " dimensions");
                }
                if (dims[i] < 0) throw new IllegalArgumentException(path + ": negative dimension " + dims[i]);
                total *= dims[i];
                // checked per dim: the product of four ints can overflow a long and look small
                if (total > Integer.MAX_VALUE - 16) {
                    throw new IllegalArgumentException(path + ": IDX dims " + java.util.Arrays.toString(java.util.Arrays.copyOf(dims, i + 1))
                            + " claim more data than an IDX file can hold");
                }
            }
            if (total > Integer.MAX_VALUE - 16) throw new IllegalArgumentException(path + ": IDX data of " + total + " bytes is too large");
            long size = Files.size(path);
            if (in == raw && total > size - 4 - 4L * ndim) {
                throw new IllegalArgumentException(path + ": truncated: dims claim " + total + " bytes, the file has " + (size - 4 - 4L * ndim));
            }
            byte[] data = new byte[(int) total];
            try {
                d.readFully(data);
            } catch (EOFException e) {
                throw new IllegalArgumentException(path + ": truncated: expected " + total + " bytes of data");
            }
            // reading on to the end also checks a gzip file's trailer (CRC and length)
            if (d.read() != -1) {
                throw new IllegalArgumentException(path + ": more data than its dims " + java.util.Arrays.toString(dims) + " claim (not an IDX file?)");
            }
            return new Contents(dims, data);
        } catch (EOFException e) {
            // a gzip header or trailer cut short
            throw new IllegalArgumentException(path + ": truncated: the file ends early" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(path + ": cannot read IDX file: " + e.getMessage(), e);
        }
    }
}
