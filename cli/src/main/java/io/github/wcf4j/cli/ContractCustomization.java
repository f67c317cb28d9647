package io.github.wcf4j.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The wsimport customization files that give each WCF namespace its package ({@link NamespacePackages}): a JAX-WS
 * binding of the WSDL that puts the service endpoint interfaces in their port types' package, and one JAXB file with a
 * schema-component-designator binding per schema namespace (the package of its data classes).
 */
final class ContractCustomization {
    private ContractCustomization() {
    }

    /** Writes the files into {@code dir}; returns them, for wsimport's {@code -b}. */
    static List<Path> write(WsdlDocuments docs, Map<String, String> packages, Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        // the interfaces go with their port types' namespace (WCF's ?wsdl=wsdl0), whichever document wsimport reads
        // first: the customization of the first document applies to every interface it generates
        String contracts = packages.get(docs.portTypes().get(0).namespace());
        URI first = docs.wsdlNamespaces().keySet().iterator().next();
        if (contracts != null) {
            files.add(Files.writeString(dir.resolve("wsdl.xjb"), """
                    <jaxws:bindings xmlns:jaxws="https://jakarta.ee/xml/ns/jaxws" wsdlLocation="%s">
                      <jaxws:package name="%s"/>
                    </jaxws:bindings>
                    """.formatted(xml(first.toString()), contracts)));
        }
        StringBuilder schemas = new StringBuilder();
        int prefix = 0;
        for (String namespace : docs.schemaNamespaces()) {
            String pkg = packages.get(namespace);
            if (pkg != null) {
                schemas.append("""
                          <jaxb:bindings xmlns:ns%d="%s" scd="x-schema::ns%1$d">
                            <jaxb:schemaBindings><jaxb:package name="%s"/></jaxb:schemaBindings>
                          </jaxb:bindings>
                        """.formatted(prefix++, xml(namespace), pkg));
            }
        }
        if (schemas.length() > 0) {
            files.add(Files.writeString(dir.resolve("schemas.xjb"), """
                    <jaxb:bindings xmlns:jaxb="https://jakarta.ee/xml/ns/jaxb" version="3.0">
                    %s</jaxb:bindings>
                    """.formatted(schemas)));
        }
        return files;
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
