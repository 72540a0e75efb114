package org.smartcc.api.interfaces.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.smartcc.api.application.ConceptTreeService;
import org.smartcc.engine.ConceptTree;
import org.smartcc.engine.query.ItemKey;
import org.smartcc.engine.query.QueryDefinitionException;
import org.smartcc.engine.query.i2b2.XmlElements;
import org.smartcc.store.domain.CodedException;
import org.w3c.dom.Element;

/**
 * The answers of i2b2's ontology cell ({@link I2b2OntologyResource}) over the concept tree as one caller sees it:
 * categories, children, a term, searches by name and by code. Apart from the resource, so that the answers can be
 * checked over any tree, an i2b2 warehouse's with its {@code table_access} categories among them.
 */
final class I2b2Ontology {

    /** The concept tree with the counts the caller may see ({@link ConceptTreeService}). */
    interface Tree {

        /** The top-level nodes, or the children of {@code parent}; CONCEPT_NOT_FOUND for a path without a node. */
        List<ConceptTree.Node> children(Optional<String> parent);

        /** The categories of an i2b2 warehouse ({@code table_access}); empty for the container's own store. */
        List<ConceptTree.Category> categories();

        /** At most {@code limit} nodes whose name or code contains {@code text}, ignoring case. */
        List<ConceptTree.Node> search(String text, int limit);
    }

    static final String SERVED = "getCategories, getSchemes, getChildren, getModifiers, getTermInfo, getNameInfo,"
            + " getCodeInfo";

    private final Tree tree;

    I2b2Ontology(Tree tree) {
        this.tree = tree;
    }

    /** The DONE answer of an operation, or a refusal for one this cell does not serve. */
    String answer(String operation, I2b2Inbox.Message message) {
        if (operation.equals("getModifiers")) {
            return I2b2Messages.cellDone("<ns6:modifiers xmlns:ns6=\"http://www.i2b2.org/xsd/cell/ont/1.1/\"/>");
        }
        List<ConceptTree.Category> categories = tree.categories();
        List<ConceptTree.Node> nodes = switch (operation) {
            case "getCategories" -> categories.isEmpty() ? tree.children(Optional.empty()) : categoryNodes(categories);
            case "getSchemes" -> List.of();
            case "getChildren" -> tree.children(Optional.of(path(message, "parent")));
            case "getTermInfo" -> term(path(message, "self"));
            case "getNameInfo" -> search(message, ConceptTree.Node::name);
            case "getCodeInfo" -> search(message, ConceptTree.Node::code);
            default -> throw I2b2Cells.notServed(operation, SERVED);
        };
        return I2b2Concepts.concepts(nodes, categories);
    }

    /**
     * The categories of an i2b2 warehouse as the top-level concepts, named as {@code table_access} names them; a
     * category whose path no concept of the snapshot lies below has no node, and is left out.
     */
    private List<ConceptTree.Node> categoryNodes(List<ConceptTree.Category> categories) {
        List<ConceptTree.Node> nodes = new ArrayList<>();
        for (ConceptTree.Category category : categories) {
            if (!ConceptTree.wellFormed(category.path())) {
                continue;
            }
            try {
                term(category.path()).stream().findFirst().ifPresent(n -> nodes.add(
                        new ConceptTree.Node(category.name(), n.path(), n.code(), n.hasChildren(), n.patients())));
            } catch (CodedException e) {
                if (!e.code().equals("CONCEPT_NOT_FOUND")) {
                    throw e;
                }
                // the category's parent folder holds no concept of the snapshot either: nothing to show
            }
        }
        return nodes;
    }

    /** The concept path of a key the message names in {@code element}. */
    private static String path(I2b2Inbox.Message message, String element) {
        String key = message.text(element).orElseThrow(() -> new QueryDefinitionException("message_body/" + element,
                "is missing"));
        if (ItemKey.parse(key, element) instanceof ItemKey.ConceptPath concept) {
            return concept.path();
        }
        throw new QueryDefinitionException(element, "'" + key + "' is no concept key (\\\\TABLE_CD\\path\\)");
    }

    /** The node at a path, found among its parent's children; empty when there is none. */
    private List<ConceptTree.Node> term(String path) {
        int end = path.lastIndexOf('\\', path.length() - 2);
        Optional<String> parent = end <= 0 ? Optional.empty() : Optional.of(path.substring(0, end + 1));
        return tree.children(parent).stream().filter(n -> n.path().equals(path)).toList();
    }

    /**
     * The nodes whose name (or code) matches the message's {@code match_str} by its strategy: {@code exact},
     * {@code left} (starts with), {@code right} (ends with) or {@code contains}, ignoring case; at most its
     * {@code max} attribute, or {@link ConceptTreeService#MAX_SEARCH}.
     */
    private List<ConceptTree.Node> search(I2b2Inbox.Message message, Function<ConceptTree.Node, String> field) {
        Element match = XmlElements.find(message.root(), "match_str").orElseThrow(() -> new QueryDefinitionException(
                "message_body/match_str", "is missing"));
        String text = match.getTextContent().trim();
        String strategy = XmlElements.attribute(match, "strategy").orElse("contains").toLowerCase(Locale.ROOT);
        String wanted = text.toLowerCase(Locale.ROOT);
        Predicate<String> matches = switch (strategy) {
            case "exact" -> value -> value.equals(wanted);
            case "left" -> value -> value.startsWith(wanted);
            case "right" -> value -> value.endsWith(wanted);
            case "contains" -> value -> value.contains(wanted);
            default -> throw new QueryDefinitionException("match_str/@strategy", "'" + strategy
                    + "' is not one of exact, left, right, contains");
        };
        int max = limit(message);
        return tree.search(text, ConceptTreeService.MAX_SEARCH).stream()
                .filter(n -> field.apply(n) != null && matches.test(field.apply(n).toLowerCase(Locale.ROOT)))
                .limit(max).toList();
    }

    private static int limit(I2b2Inbox.Message message) {
        for (String request : List.of("get_name_info", "get_code_info")) {
            Optional<String> max = XmlElements.find(message.root(), request).flatMap(e -> XmlElements.attribute(e,
                    "max"));
            if (max.isPresent() && max.get().matches("\\d{1,9}")) {
                return Math.max(1, Math.min(Integer.parseInt(max.get()), ConceptTreeService.MAX_SEARCH));
            }
        }
        return ConceptTreeService.MAX_SEARCH;
    }
}
