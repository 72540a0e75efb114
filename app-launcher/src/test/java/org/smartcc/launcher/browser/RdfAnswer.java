package org.smartcc.launcher.browser;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What the tests compare in an RDF/XML answer of the API: coded values' titles (drug names are RxNorm codes, problems
 * SNOMED) and the number of statements of a type. */
final class RdfAnswer {

    static final String RXNORM = "http://purl.bioontology.org/ontology/RXNORM/";
    static final String SNOMED = "http://purl.bioontology.org/ontology/SNOMEDCT/";
    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static final String DCTERMS = "http://purl.org/dc/terms/";

    static final String MEDICATION = "http://smartplatforms.org/terms#Medication";

    private RdfAnswer() {
    }

    /** The dcterms:title of every resource whose URI starts with {@code system}, in document order, distinct. */
    static List<String> codeTitles(String rdfXml, String system) {
        NodeList all = elements(rdfXml);
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (element.getAttributeNS(RDF, "about").startsWith(system)) {
                NodeList title = element.getElementsByTagNameNS(DCTERMS, "title");
                if (title.getLength() > 0 && !titles.contains(title.item(0).getTextContent().trim())) {
                    titles.add(title.item(0).getTextContent().trim());
                }
            }
        }
        return titles;
    }

    /** How many resources the answer types as {@code type} (by rdf:type or as a typed node). */
    static int countOfType(String rdfXml, String type) {
        NodeList all = elements(rdfXml);
        int count = 0;
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            boolean typedNode = type.equals(element.getNamespaceURI() + element.getLocalName());
            boolean typeArc = RDF.equals(element.getNamespaceURI()) && "type".equals(element.getLocalName())
                    && type.equals(element.getAttributeNS(RDF, "resource"));
            if (typedNode || typeArc) {
                count++;
            }
        }
        return count;
    }

    private static NodeList elements(String rdfXml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(rdfXml.getBytes(StandardCharsets.UTF_8)))
                    .getElementsByTagName("*");
        } catch (Exception e) {
            throw new IllegalStateException("the API's answer is not RDF/XML: " + e.getMessage(), e);
        }
    }
}
