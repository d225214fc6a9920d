// Leaflet as the global `L`, which the marker-cluster plugin expects. Imported first.
import L from "leaflet";

window.L = L;
export default L;
