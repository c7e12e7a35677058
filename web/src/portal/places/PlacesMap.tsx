import { useEffect, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useI18n } from '@shared/i18n/i18n';
import type { Place } from './PlacesPage';

/** Kindergartens with free seats on a map of the configured tiles; the list beside it says the same in words. */
export default function PlacesMap({ places, tileUrl, attribution }: { places: Place[]; tileUrl: string; attribution: string }) {
  const { t } = useI18n();
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const map = L.map(element.current);
    L.tileLayer(tileUrl, { attribution, maxZoom: 18 }).addTo(map);
    const points: L.LatLngExpression[] = [];
    for (const p of places) {
      const { latitude, longitude } = p.kindergarten;
      if (latitude == null || longitude == null) continue;
      points.push([latitude, longitude]);
      L.circleMarker([latitude, longitude], { radius: 9, color: '#0b5394', weight: 2, fillOpacity: 0.6 })
        .bindPopup(() => Object.assign(document.createElement('span'), { textContent: `${p.kindergarten.name}: ${p.count}` }))
        .addTo(map);
    }
    if (points.length > 0) map.fitBounds(L.latLngBounds(points), { maxZoom: 14, padding: [24, 24] });
    else map.setView([43.238, 76.945], 11);
    return () => {
      map.remove();
    };
  }, [places, tileUrl, attribution]);
  return <div className="map" ref={element} role="region" aria-label={t('places.map')} />;
}
