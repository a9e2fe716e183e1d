package dev.cinderemulator.exception;

/**
 * Cinder's {@code exception.Invalid} family (code 400): the resource's current state refuses the
 * request. The message is the fault's text as Cinder writes it ({@code "Invalid backup: ..."});
 * the web layer answers it as a {@code badRequest} fault.
 */
public class Invalid extends RuntimeException {

    public Invalid(String message) {
        super(message, null, false, false);
    }
}
