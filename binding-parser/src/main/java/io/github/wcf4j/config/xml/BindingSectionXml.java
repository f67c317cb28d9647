package io.github.wcf4j.config.xml;

import io.github.wcf4j.config.read.LocatedXml;

/**
 * A binding section such as {@code <wsHttpBinding>}: a collection of {@code <binding>} items with {@code <clear/>} and
 * {@code <remove/>}, each subclass naming the DTO its {@code <binding>} is read into.
 */
public abstract class BindingSectionXml extends ItemCollectionXml {
    abstract Class<? extends LocatedXml> bindingType();

    @Override
    String itemName() {
        return ConfigStrings.BINDING;
    }

    @Override
    Class<? extends LocatedXml> itemType() {
        return bindingType();
    }

    /** {@code <customBinding>}. */
    public static class Custom extends BindingSectionXml {
        @Override
        Class<? extends LocatedXml> bindingType() {
            return CustomBindingXml.class;
        }
    }

    /** {@code <basicHttpBinding>}. */
    public static class BasicHttp extends BindingSectionXml {
        @Override
        Class<? extends LocatedXml> bindingType() {
            return BasicHttpBindingXml.class;
        }
    }

    /** {@code <basicHttpsBinding>}. */
    public static class BasicHttps extends BindingSectionXml {
        @Override
        Class<? extends LocatedXml> bindingType() {
            return BasicHttpsBindingXml.class;
        }
    }

    /** {@code <netHttpBinding>}. */
    public static class NetHttp extends BindingSectionXml {
        @Override
        Class<? extends LocatedXml> bindingType() {
            return NetHttpBindingXml.Http.class;
        }
    }

    /** {@code <netHttpsBinding>}. */
    public static class NetHttps extends BindingSectionXml {
        @Override
        Class<? extends LocatedXml> bindingType() {
            return NetHttpBindingXml.Https.class;
        }
    }

    /** {@code <wsHttpBinding>} and {@code <ws2007HttpBinding>}. */
    public static class WsHttp extends BindingSectionXml {
        @Override
        Class<? extends LocatedXml> bindingType() {
            return WsHttpBindingXml.class;
        }
    }

    /** {@code <wsDualHttpBinding>}. */
    public static class WsDualHttp extends BindingSectionXml {
        @Override
        Class<? extends LocatedXml> bindingType() {
            return WsDualHttpBindingXml.class;
        }
    }

    /** {@code <netTcpBinding>}. */
    public static class NetTcp extends BindingSectionXml {
        @Override
        Class<? extends LocatedXml> bindingType() {
            return NetTcpBindingXml.class;
        }
    }

    /** {@code <mexHttpBinding>} and siblings. */
    public static class Mex extends BindingSectionXml {
        @Override
        Class<? extends LocatedXml> bindingType() {
            return MexBindingXml.class;
        }
    }

    /** A section wcf4j does not model: binding names only. */
    public static class Opaque extends BindingSectionXml {
        @Override
        Class<? extends LocatedXml> bindingType() {
            return NamedOpaqueXml.class;
        }
    }
}
