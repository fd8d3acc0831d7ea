package org.vigil.core.metrics;

/**
 * Minimum-cost rectangular assignment (Kuhn–Munkres "Hungarian" method in its shortest
 * augmenting path form with row and column potentials, O(r²·c) for r ≤ c).
 *
 * <p>Kept in the metrics package on purpose: the tracker has its own solver, and a
 * metric must not share code with the thing it measures, or a bug in one would hide in the other.
 *
 * <p>Invariants kept between augmentations: {@code rowPot[i] + colPot[j] <= cost(i, j)} for every
 * pair (dual feasibility), with equality on every matched pair (complementary slackness). When all
 * rows are matched, the matching is therefore optimal.
 *
 * <p>Reusable: working arrays grow to the largest problem seen and are then reused, so repeated
 * solves allocate nothing. Not thread-safe.
 */
public final class AssignmentSolver {
    private double[] rowPot = new double[1];
    private double[] colPot = new double[1];
    private double[] minSlack = new double[1];
    private int[] rowOfCol = new int[1];
    private int[] prevCol = new int[1];
    private boolean[] visited = new boolean[1];
    private double[] transposed = new double[0];
    private int[] colToRow = new int[0];

    /**
     * Solves the assignment for an {@code rows × cols} cost matrix stored row-major in
     * {@code cost}. Every row is matched to a distinct column when {@code rows <= cols}, every
     * column to a distinct row otherwise.
     *
     * @param rowToCol receives, for each row, its column, or -1 when the row is left unmatched
     *                 (only possible when {@code rows > cols}); length at least {@code rows}
     * @return the minimum total cost (0 for an empty matrix)
     * @throws IllegalArgumentException if a cost is not finite (the caller's bug, not bad data)
     */
    public double solve(double[] cost, int rows, int cols, int[] rowToCol) {
        if (rows < 0 || cols < 0 || cost.length < rows * cols || rowToCol.length < rows) {
            throw new IllegalArgumentException("matrix " + rows + "x" + cols + " does not fit its arrays");
        }
        for (int k = 0, n = rows * cols; k < n; k++) {
            if (!Double.isFinite(cost[k])) throw new IllegalArgumentException("non-finite cost at " + k);
        }
        if (rows == 0 || cols == 0) {
            for (int i = 0; i < rows; i++) rowToCol[i] = -1;
            return 0.0;
        }
        if (rows <= cols) return solveWide(cost, rows, cols, rowToCol);
        // More rows than columns: solve the transpose (columns become the matched side).
        int n = rows * cols;
        if (transposed.length < n) transposed = new double[n];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) transposed[j * rows + i] = cost[i * cols + j];
        }
        if (colToRow.length < cols) colToRow = new int[cols];
        double total = solveWide(transposed, cols, rows, colToRow);
        for (int i = 0; i < rows; i++) rowToCol[i] = -1;
        for (int j = 0; j < cols; j++) rowToCol[colToRow[j]] = j;
        return total;
    }

    /** rows ≤ cols. Arrays are 1-based internally; column 0 is the virtual start of each search. */
    private double solveWide(double[] cost, int rows, int cols, int[] rowToCol) {
        ensure(rows, cols);
        java.util.Arrays.fill(rowPot, 0, rows + 1, 0.0);
        java.util.Arrays.fill(colPot, 0, cols + 1, 0.0);
        java.util.Arrays.fill(rowOfCol, 0, cols + 1, 0);
        for (int row = 1; row <= rows; row++) {
            // Grow a shortest-path (Dijkstra on reduced costs) tree from the new row until it
            // reaches a free column, then flip the matching along the path.
            rowOfCol[0] = row;
            int col = 0;
            java.util.Arrays.fill(minSlack, 0, cols + 1, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(visited, 0, cols + 1, false);
            do {
                visited[col] = true;
                int r = rowOfCol[col];
                double delta = Double.POSITIVE_INFINITY;
                int nextCol = -1;
                int base = (r - 1) * cols - 1;
                for (int j = 1; j <= cols; j++) {
                    if (visited[j]) continue;
                    double slack = cost[base + j] - rowPot[r] - colPot[j];
                    if (slack < minSlack[j]) {
                        minSlack[j] = slack;
                        prevCol[j] = col;
                    }
                    if (minSlack[j] < delta) {
                        delta = minSlack[j];
                        nextCol = j;
                    }
                }
                for (int j = 0; j <= cols; j++) {
                    if (visited[j]) {
                        rowPot[rowOfCol[j]] += delta;
                        colPot[j] -= delta;
                    } else {
                        minSlack[j] -= delta;
                    }
                }
                col = nextCol;
            } while (rowOfCol[col] != 0);
            do { // augment: shift every row on the path one column back
                int p = prevCol[col];
                rowOfCol[col] = rowOfCol[p];
                col = p;
            } while (col != 0);
        }
        double total = 0.0;
        for (int j = 1; j <= cols; j++) {
            int r = rowOfCol[j];
            if (r != 0) {
                rowToCol[r - 1] = j - 1;
                total += cost[(r - 1) * cols + (j - 1)];
            }
        }
        return total;
    }

    private void ensure(int rows, int cols) {
        if (rowPot.length < rows + 1) rowPot = new double[rows + 1];
        if (colPot.length < cols + 1) {
            colPot = new double[cols + 1];
            minSlack = new double[cols + 1];
            rowOfCol = new int[cols + 1];
            prevCol = new int[cols + 1];
            visited = new boolean[cols + 1];
        }
    }
}
