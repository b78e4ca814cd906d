import { ACTIVITY_CHANNELS, describeChannelProperties } from '../../../test/api/routerProperty';

// The other half of the channels is in router.setup.property.test.ts, so two workers share the 10,000 runs.
describeChannelProperties(ACTIVITY_CHANNELS);
