package io.github.wcf4j.runtime.service.streamed;

import jakarta.jws.Oneway;
import jakarta.jws.WebService;
import java.io.InputStream;

/**
 * A contract with stream operations, as WCF's streaming samples declare it: {@code long Upload(Stream data)},
 * {@code Stream Download(long length)}, {@code [OperationContract(IsOneWay = true)] void Store(Stream data)}, and an
 * operation that is not a stream.
 */
@WebService(name = "IFileTransfer", targetNamespace = "http://tempuri.org/")
public interface FileTransfer {
    long upload(InputStream data);

    InputStream download(long length);

    String hello(String name);

    @Oneway
    void store(InputStream data);
}
