package dev.nn4j.data;

/** The data could not be found or fetched; the message says where nn4j looked and how to get it. */
public class DatasetNotFoundException extends RuntimeException {
    public DatasetNotFoundException(String message) {
        super(message);
    }
}
