package io.github.wcf4j.runtime.service;

import jakarta.jws.WebParam;
import jakarta.jws.WebService;

/** A contract with a {@code byte[]} parameter and result (base64Binary on the wire), a string and an int[]. */
@WebService(name = "IBlobs", targetNamespace = "http://example.org/blobs")
public interface Blobs {
    /** The number of bytes received. */
    int length(@WebParam(name = "data") byte[] data);

    /** The number of characters received. */
    int chars(@WebParam(name = "text") String text);

    /** The number of items received. */
    int count(@WebParam(name = "values") int[] values);

    /** {@code length} zero bytes. */
    byte[] make(@WebParam(name = "length") int length);
}
