package io.github.wcf4j.runtime.metadata;

import jakarta.jws.WebMethod;
import jakarta.jws.WebService;
import jakarta.xml.ws.Action;

/**
 * WCF's {@code IMetadataExchange} contract ({@code <endpoint contract="IMetadataExchange"/>}): one operation, the
 * WS-Transfer {@code Get}, answered by {@link MetadataExchangeInvoker}, never by service code.
 */
@WebService(name = "IMetadataExchange", targetNamespace = "http://schemas.microsoft.com/2006/04/mex")
public interface IMetadataExchange {
    String GET = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Get";
    String GET_RESPONSE = "http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse";

    @WebMethod(operationName = "Get")
    @Action(input = GET, output = GET_RESPONSE)
    void get();
}
