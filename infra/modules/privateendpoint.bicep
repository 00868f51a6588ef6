// One private endpoint per group id (blob, queue, table, vault) of one resource, in the endpoints subnet, registered in
// the service's private DNS zone.
param location string
param tags object
param name string
param resourceId string
param groupIds array
param subnetId string

@description('Private DNS zone id per group id.')
param zoneIds object

resource endpoints 'Microsoft.Network/privateEndpoints@2024-05-01' = [for group in groupIds: {
  name: 'pe-${name}-${group}'
  location: location
  tags: tags
  properties: {
    subnet: { id: subnetId }
    privateLinkServiceConnections: [
      {
        name: '${name}-${group}'
        properties: { privateLinkServiceId: resourceId, groupIds: [group] }
      }
    ]
  }
}]

resource zoneGroups 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = [for (group, i) in groupIds: {
  parent: endpoints[i]
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      { name: group, properties: { privateDnsZoneId: zoneIds[group] } }
    ]
  }
}]
