package cn.mashang.open311;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The element names of the GeoReport v2 XML answers, written down from the specification's examples: for each
 * container element, the children it may have; the names in {@link #REQUIRED} must be present. {@link #check}
 * answers every deviation (unknown element, text in a container, missing required child).
 */
final class XmlSpec {
    static final Map<String, Set<String>> CHILDREN = Map.ofEntries(
            Map.entry("discovery", Set.of("changeset", "contact", "key_service", "endpoints")),
            Map.entry("discovery/endpoints", Set.of("endpoint")),
            Map.entry("discovery/endpoints/endpoint", Set.of("specification", "url", "changeset", "type", "formats")),
            Map.entry("discovery/endpoints/endpoint/formats", Set.of("format")),
            Map.entry("services", Set.of("service")),
            Map.entry("services/service", Set.of("service_code", "service_name", "description", "metadata", "type",
                    "keywords", "group")),
            Map.entry("service_definition", Set.of("service_code", "attributes")),
            Map.entry("service_definition/attributes", Set.of("attribute")),
            Map.entry("service_definition/attributes/attribute", Set.of("variable", "code", "datatype", "required",
                    "datatype_description", "order", "description", "values")),
            Map.entry("service_definition/attributes/attribute/values", Set.of("value")),
            Map.entry("service_definition/attributes/attribute/values/value", Set.of("key", "name")),
            Map.entry("service_requests", Set.of("request")),
            // POST answer, tokens answer and GET requests share <service_requests><request>
            Map.entry("service_requests/request", Set.of("service_request_id", "token", "service_notice",
                    "account_id", "status", "status_notes", "service_name", "service_code", "description",
                    "agency_responsible", "requested_datetime", "updated_datetime", "expected_datetime", "address",
                    "address_id", "zipcode", "lat", "long", "media_url")),
            Map.entry("errors", Set.of("error")),
            Map.entry("errors/error", Set.of("code", "description")));
    static final Map<String, Set<String>> REQUIRED = Map.of(
            "services/service", Set.of("service_code", "service_name", "metadata", "type"),
            "service_definition", Set.of("service_code", "attributes"),
            "service_definition/attributes/attribute", Set.of("variable", "code", "datatype", "required"),
            "service_definition/attributes/attribute/values/value", Set.of("key", "name"),
            "service_requests/request", Set.of("service_request_id"),
            "errors/error", Set.of("code", "description"),
            "discovery/endpoints/endpoint", Set.of("specification", "url", "type", "formats"));

    private XmlSpec() {
    }

    static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + xml, e);
        }
    }

    /** Deviations from the spec's element names, empty when the answer conforms; {@code root} is the expected root. */
    static List<String> check(String xml, String root) {
        List<String> problems = new ArrayList<>();
        if (!xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")) {
            problems.add("no UTF-8 XML declaration");
        }
        Element e = parse(xml).getDocumentElement();
        if (!e.getTagName().equals(root)) {
            problems.add("root is <" + e.getTagName() + ">, expected <" + root + ">");
        }
        walk(e, e.getTagName(), problems);
        return problems;
    }

    private static void walk(Element e, String path, List<String> problems) {
        Set<String> allowed = CHILDREN.get(path);
        Set<String> seen = new java.util.HashSet<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                if (allowed == null) {
                    problems.add(path + " is a value but has child <" + child.getTagName() + ">");
                    continue;
                }
                if (!allowed.contains(child.getTagName())) {
                    problems.add(path + " has <" + child.getTagName() + ">, not a GeoReport v2 element there");
                }
                seen.add(child.getTagName());
                walk(child, path + "/" + child.getTagName(), problems);
            } else if (allowed != null && n.getNodeType() == Node.TEXT_NODE && !n.getTextContent().isBlank()) {
                problems.add(path + " holds text '" + n.getTextContent() + "'");
            }
        }
        for (String r : REQUIRED.getOrDefault(path, Set.of())) {
            if (!seen.contains(r)) {
                problems.add(path + " lacks <" + r + ">");
            }
        }
    }

    /** The text of the first element of that name, or null. */
    static String text(String xml, String name) {
        var nodes = parse(xml).getElementsByTagName(name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }
}
