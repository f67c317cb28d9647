package io.github.wcf4j.runtime.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.jws.WebService;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contracts a service class implements, as WCF reflects them for default endpoints. */
class ImplementedContractsTest {
    @WebService
    interface Basic {
        String ping();
    }

    @WebService
    @ServiceContract(configurationName = "Samples.IExtended")
    interface Extended extends Basic {
        String pong();
    }

    @WebService
    interface Other {
        int count();
    }

    interface NotAContract {
        void helper();
    }

    static class Service implements Extended, NotAContract {
        @Override
        public String ping() {
            return "ping";
        }

        @Override
        public String pong() {
            return "pong";
        }

        @Override
        public void helper() {
        }
    }

    static class Derived extends Service implements Other {
        @Override
        public int count() {
            return 1;
        }
    }

    @Test
    void aContractAnotherImplementedContractExtendsGetsNoDefaultEndpointOfItsOwn() {
        assertEquals(List.of(Extended.class), ImplementedContracts.of(Service.class));
        assertEquals(List.of(Extended.class, Basic.class), ImplementedContracts.all(Service.class));
        assertEquals(List.of("Samples.IExtended"), ImplementedContracts.configurationNames(Service.class));
    }

    @Test
    void superclassesContributeTheirContractsAfterTheClassesOwn() {
        assertEquals(List.of(Other.class, Extended.class), ImplementedContracts.of(Derived.class));
    }
}
