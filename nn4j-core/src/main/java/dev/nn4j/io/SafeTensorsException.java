package dev.nn4j.io;

/** A safetensors file that is truncated, corrupt or inconsistent; the message names the file and the problem. */
public class SafeTensorsException extends RuntimeException {
    public SafeTensorsException(String message) {
        super(message);
    }

    public SafeTensorsException(String message, Throwable cause) {
        super(message, cause);
    }
}
