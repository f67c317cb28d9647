package io.github.wcf4j.benchmarks;

import io.github.wcf4j.runtime.contract.ServiceContract;
import jakarta.jws.Oneway;
import jakarta.jws.WebService;

/**
 * A one-way contract for the seed binding's one-way benchmark ({@code [OperationContract(IsOneWay = true)] void
 * Record(double value)}): each call is one message from client to service, acknowledged by the reliable session.
 */
@WebService(name = "IMeter", targetNamespace = "http://wcf4j.github.io/benchmarks")
@ServiceContract(configurationName = IMeter.NAME)
public interface IMeter {
    String NAME = "Wcf4j.Benchmarks.IMeter";

    @Oneway
    void record(double value);
}
