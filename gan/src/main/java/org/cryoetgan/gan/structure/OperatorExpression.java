package org.cryoetgan.gan.structure;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Expands an mmCIF {@code oper_expression}: a list {@code 1,2,5}, a range {@code 1-60}, parenthesised groups, and
 * products of groups {@code (X0)(1-60)}, where the right-hand operator is applied first.
 */
final class OperatorExpression {

    private OperatorExpression() {
    }

    static List<RigidTransform> expand(String expression, Map<String, RigidTransform> operators, String file)
            throws IOException {
        List<List<String>> groups = new ArrayList<>();
        String e = expression.strip();
        if (!e.contains("(")) {
            groups.add(ids(e));
        } else {
            int i = 0;
            while (i < e.length()) {
                int open = e.indexOf('(', i);
                if (open < 0) {
                    break;
                }
                int close = e.indexOf(')', open);
                if (close < 0) {
                    throw new IOException(file + ": unbalanced operator expression '" + expression + "'");
                }
                groups.add(ids(e.substring(open + 1, close)));
                i = close + 1;
            }
        }
        List<RigidTransform> result = List.of(RigidTransform.identity());
        for (int g = groups.size() - 1; g >= 0; g--) {
            List<RigidTransform> next = new ArrayList<>();
            for (String id : groups.get(g)) {
                RigidTransform op = operators.get(id);
                if (op == null) {
                    throw new IOException(file + ": operator '" + id + "' of '" + expression + "' is not in pdbx_struct_oper_list");
                }
                for (RigidTransform r : result) {
                    next.add(op.compose(r));
                }
            }
            result = next;
        }
        return result;
    }

    private static List<String> ids(String list) {
        List<String> out = new ArrayList<>();
        for (String part : list.split(",")) {
            String p = part.strip();
            int dash = p.indexOf('-', 1);
            if (dash > 0 && isInt(p.substring(0, dash)) && isInt(p.substring(dash + 1))) {
                int a = Integer.parseInt(p.substring(0, dash));
                int b = Integer.parseInt(p.substring(dash + 1));
                for (int k = a; k <= b; k++) {
                    out.add(Integer.toString(k));
                }
            } else if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    private static boolean isInt(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }
}
