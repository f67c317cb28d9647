package io.github.wcf4j.runtime.security.message;

import jakarta.jws.WebParam;
import jakarta.jws.WebService;

/** A contract whose operation answers with the caller's identity as the service sees it. */
@WebService(name = "IIdentity", targetNamespace = "http://tempuri.org/")
public interface Identity {
    String whoAmI();

    double add(@WebParam(name = "n1") double n1, @WebParam(name = "n2") double n2);
}
